package dev.seatwise.adapter.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one request, stored in the request's own temporary folder under names the server
 * chose. Closing deletes the folder and everything in it. Not thread-safe; one per request.
 */
public final class RequestUploads implements AutoCloseable {
  private final Path dir;
  private final Map<String, List<UploadedSource>> byField = new LinkedHashMap<>();

  RequestUploads(Path dir) {
    this.dir = dir;
  }

  /** The request's temporary folder. */
  public Path dir() {
    return dir;
  }

  void add(String field, UploadedSource source) {
    byField.computeIfAbsent(field, k -> new ArrayList<>()).add(source);
  }

  public List<UploadedSource> files(String field) {
    return List.copyOf(byField.getOrDefault(field, List.of()));
  }

  /** Usage, catalog and entitlements parts as analysis inputs. */
  public AnalysisInputs inputs() {
    return new AnalysisInputs(
        files(UploadReceiver.USAGE),
        single(UploadReceiver.CATALOG),
        files(UploadReceiver.ENTITLEMENTS),
        single(UploadReceiver.IDENTITIES));
  }

  private Optional<UploadedSource> single(String field) {
    List<UploadedSource> all = files(field);
    if (all.size() > 1) {
      throw ApiProblem.badRequest("send at most one '" + field + "' file, not " + all.size());
    }
    return all.stream().findFirst();
  }

  /** Stored path → the client's label, for every file of this request. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    byField.values().forEach(l -> l.forEach(s -> labels.put(s.path().toString(), s.label())));
    return labels;
  }

  @Override
  public void close() {
    deleteTree(dir);
  }

  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary folder " + root, e);
    }
  }
}
