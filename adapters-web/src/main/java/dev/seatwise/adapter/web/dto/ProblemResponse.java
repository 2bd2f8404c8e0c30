package dev.seatwise.adapter.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem details body ({@code application/problem+json}); {@code file} and {@code
 * line} name the input that failed, when known. Never carries a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemResponse(
    String type, String title, int status, String detail, String instance, String file, Long line) {}
