package dev.seatwise.adapter.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A multipart/form-data body for java.net.http, built in memory (test files are small). */
final class Multipart {
  private final String boundary = "----seatwise" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart file(String field, String filename, byte[] content) {
    write("--" + boundary + "\r\n");
    write(
        "Content-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename.replace("\"", "%22")
            + "\"\r\n");
    write("Content-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(content);
    write("\r\n");
    return this;
  }

  Multipart file(String field, String filename, String content) {
    return file(field, filename, content.getBytes(StandardCharsets.UTF_8));
  }

  Multipart file(String field, Path path) {
    try {
      return file(field, path.getFileName().toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofByteArray(bytes());
  }

  private void write(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
