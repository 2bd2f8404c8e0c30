/**
 * Web-only response records: RFC 7807 problem details and the chart data the page adds to the
 * shared JSON contract ({@code dev.seatwise.adapter.json.dto}).
 */
package dev.seatwise.adapter.web.dto;
