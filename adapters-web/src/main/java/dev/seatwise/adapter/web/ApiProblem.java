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

  public ApiProblem(int status, String title, String detail) {
    this(status, title, detail, Optional.empty());
  }

  public ApiProblem(int status, String title, String detail, Optional<String> file) {
    super(requireNonNull(detail, "detail"));
    this.status = status;
    this.title = requireNonNull(title, "title");
    this.file = requireNonNull(file, "file");
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
