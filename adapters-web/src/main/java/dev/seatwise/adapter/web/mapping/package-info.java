/** MapStruct mappers from use-case results to the web-only response records. */
package dev.seatwise.adapter.web.mapping;
