package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A request the web adapter refuses, with the HTTP status and RFC 7807 title it should be answered
 * with. Thrown by the adapter's own checks; {@link ProblemTranslator} writes it. Unchecked.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient Optional<String> file;
  /** Seconds after which the client may try again (a {@code Retry-After} header), or 0. */
  private final long retryAfterSeconds;

  public ApiProblem(int status, String title, String detail) {
    this(status, title, detail, Optional.empty());
  }

  public ApiProblem(int status, String title, String detail, Optional<String> file) {
    this(status, title, detail, file, 0);
  }

  private ApiProblem(int status, String title, String detail, Optional<String> file, long retryAfterSeconds) {
    super(requireNonNull(detail, "detail"));
    this.status = status;
    this.title = requireNonNull(title, "title");
    this.file = requireNonNull(file, "file");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** This problem, answered with {@code Retry-After: seconds} (at least 1). */
  public ApiProblem retryAfter(long seconds) {
    return new ApiProblem(status, title, detail(), file, Math.max(1, seconds));
  }

  /** Seconds after which the client may try again, when the answer says so. */
  public java.util.OptionalLong retryAfterSeconds() {
    return retryAfterSeconds > 0 ? java.util.OptionalLong.of(retryAfterSeconds) : java.util.OptionalLong.empty();
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Optional<String> file() {
    return file;
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "Bad request", detail);
  }
}
