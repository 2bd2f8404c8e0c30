package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on its own: what it reads back at start, and what it refuses to read. */
class DatasetStoreTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> removed = new ArrayList<>();

  private DatasetStore open(long cap) {
    return new DatasetStore(dir.resolve("datasets"), cap, json, Clock.systemUTC(), removed::add);
  }

  private String store(DatasetStore store, String content, String label) throws IOException {
    try (RequestUploads files = new RequestUploads(Files.createTempDirectory(dir, "req-"))) {
      Path p = files.dir().resolve("usage-1.csv");
      Files.writeString(p, content);
      files.add(UploadReceiver.USAGE, new UploadedSource(p, label));
      ReadOptions read = new ReadOptions(ZoneId.of("UTC"), false);
      String id = DatasetStore.idOf(files, read);
      store.put(id, files, read);
      return id;
    }
  }

  @Test
  void startReadsBackGoodDatasetsAndDropsUnfinishedOrForgedOnes() throws IOException {
    String id = store(open(1 << 20), "user,product,start,end\n", "mine.csv");
    Path root = dir.resolve("datasets");
    // an upload interrupted before its rename
    Files.createDirectories(root.resolve("incoming-123"));
    // a forged manifest naming a file outside its folder
    String forged = "f".repeat(64);
    Files.createDirectories(root.resolve(forged));
    Files.writeString(root.resolve(forged).resolve("passwd"), "x");
    Files.writeString(
        root.resolve(forged).resolve(DatasetStore.MANIFEST),
        "{\"format\":1,\"id\":\"" + forged + "\",\"zone\":\"UTC\",\"strict\":false,"
            + "\"created\":\"2026-01-01T00:00:00Z\",\"files\":[{\"field\":\"usage\","
            + "\"stored\":\"../../passwd\",\"label\":\"x\"}]}");
    // a folder that is not a dataset's: left alone
    Files.createDirectories(root.resolve("notes"));

    DatasetStore again = open(1 << 20);
    assertThat(again.get(id)).hasValueSatisfying(d -> {
      assertThat(d.inputs().usage().get(0).label()).isEqualTo("mine.csv");
      assertThat(d.inputs().usage().get(0).path().getParent()).isEqualTo(root.resolve(id));
    });
    assertThat(again.get(forged)).isEmpty();
    assertThat(root.resolve(forged)).doesNotExist();
    assertThat(root.resolve("incoming-123")).doesNotExist();
    assertThat(root.resolve("notes")).isDirectory();
    assertThat(again.get("../" + id)).isEmpty();
    assertThat(again.get(id.toUpperCase())).isEmpty();
  }

  @Test
  void theSameContentIsOneIdAndTheCapEvictsTheLeastRecentlyUsed() throws IOException {
    String a = "user,product,start,end\n" + "a".repeat(100) + "\n";
    String b = "user,product,start,end\n" + "b".repeat(100) + "\n";
    String c = "user,product,start,end\n" + "c".repeat(100) + "\n";
    DatasetStore store = open(2L * a.length());
    String idA = store(store, a, "a.csv");
    assertThat(store(store, a, "other-name.csv")).isEqualTo(idA);
    String idB = store(store, b, "b.csv");
    assertThat(store.get(idA)).isPresent(); // a is now the most recently used
    String idC = store(store, c, "c.csv");
    assertThat(store.get(idB)).isEmpty();
    assertThat(removed).containsExactly(idB);
    assertThat(store.get(idA)).isPresent();
    assertThat(store.get(idC)).isPresent();
    assertThat(store.totalBytes()).isEqualTo(2L * a.length());
  }
}
