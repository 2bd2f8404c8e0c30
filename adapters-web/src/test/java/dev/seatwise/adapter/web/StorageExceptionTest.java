package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.web.dto.ProblemResponse;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure of the server's own storage is told apart from the client's body, and lack of space
 * from other failures; the answer names no server path.
 */
class StorageExceptionTest {
  @TempDir Path tmp;

  private static StorageException failing(IOException cause) {
    return new StorageException("writing /srv/uploads/req-1/usage-1.csv", cause);
  }

  @Test
  void lackOfSpaceIsToldFromOtherFailures() {
    assertThat(failing(new IOException("No space left on device")).outOfSpace()).isTrue();
    assertThat(failing(new FileSystemException("/srv/u/usage-1.csv", null, "No space left on device")).outOfSpace())
        .isTrue();
    assertThat(failing(new FileSystemException(null, null, "Disk quota exceeded")).outOfSpace()).isTrue();
    // as a cause of a wrapper
    assertThat(failing(new IOException("write failed", new IOException("No space left on device"))).outOfSpace())
        .isTrue();

    assertThat(failing(new AccessDeniedException("/srv/u/usage-1.csv")).outOfSpace()).isFalse();
    assertThat(failing(new IOException("Input/output error")).outOfSpace()).isFalse();
    assertThat(failing(new IOException((String) null)).outOfSpace()).isFalse();
    // a folder's name is not the system's reason
    assertThat(failing(new AccessDeniedException("/srv/No space left on device/usage-1.csv")).outOfSpace())
        .isFalse();
  }

  @Test
  void theAnswerIs507ForLackOfSpaceElse500AndNamesNoServerPath() {
    ProblemTranslator problems = new ProblemTranslator(new ObjectMapper(), tmp);
    ProblemResponse full =
        problems.toProblem(
            failing(new FileSystemException("/srv/uploads/req-1/usage-1.csv", null, "No space left on device")),
            "POST", "/api/datasets", Map.of());
    assertThat(full.status()).isEqualTo(507);
    assertThat(full.title()).isEqualTo("Insufficient storage");
    assertThat(full.instance()).isEqualTo("/api/datasets");
    assertThat(full.detail()).doesNotContain("/srv").contains("no space left");

    ProblemResponse denied =
        problems.toProblem(
            failing(new AccessDeniedException("/srv/uploads/req-1/usage-1.csv")),
            "POST", "/api/comparisons", Map.of());
    assertThat(denied.status()).isEqualTo(500);
    assertThat(denied.title()).isEqualTo("Cannot store the upload");
    assertThat(denied.detail()).doesNotContain("/srv").contains("ref ");
  }

  @Test
  void aRequestFolderThatCannotBeMadeIsAStorageFailure() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("uploads"), "a file where the folder should be");
    UploadReceiver receiver = new UploadReceiver(notAFolder, 1024);
    assertThatThrownBy(receiver::empty)
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.outOfSpace()).isFalse());
  }

  @Test
  void aDatasetThatCannotBeStoredIsAStorageFailureAndLeavesTheFilesToTheRequest() throws IOException {
    Path root = tmp.resolve("datasets");
    DatasetStore store = new DatasetStore(root, 1 << 20, new ObjectMapper(), Clock.systemUTC(), id -> {});
    // the store's folder is gone, a file in its place: nothing can be made under it
    Files.delete(root);
    Files.writeString(root, "not a folder");
    try (RequestUploads files = new RequestUploads(Files.createTempDirectory(tmp, "req-"))) {
      Path p = Files.writeString(files.dir().resolve("usage-1.csv"), "user,product,start,end\n");
      files.add(UploadReceiver.USAGE, new UploadedSource(p, "mine.csv"));
      ReadOptions read = new ReadOptions(ZoneId.of("UTC"), false);
      String id = DatasetStore.idOf(files, read);
      assertThatThrownBy(() -> store.put(id, files, read))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.outOfSpace()).isFalse());
      assertThat(store.get(id)).isEmpty();
    }
    assertThat(Files.readString(root)).isEqualTo("not a folder");
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("datasets");
    }
  }
}
