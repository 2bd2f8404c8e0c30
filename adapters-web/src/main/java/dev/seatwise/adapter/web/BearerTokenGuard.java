package dev.seatwise.adapter.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <token>} on API requests when a token is configured (it is
 * mandatory off loopback). Compares in constant time. Thread-safe.
 */
public final class BearerTokenGuard implements Handler {
  private final Optional<byte[]> token;

  public BearerTokenGuard(Optional<String> token) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(Context ctx) {
    if (token.isEmpty() || "OPTIONS".equals(ctx.method().name())) {
      return;
    }
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw new ApiProblem(
          401, "Unauthorized", "this server needs 'Authorization: Bearer <token>' on API calls");
    }
    byte[] given = header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token.get())) {
      throw new ApiProblem(401, "Unauthorized", "the API token is wrong");
    }
  }
}
