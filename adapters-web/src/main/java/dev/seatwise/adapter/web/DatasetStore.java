package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored datasets, one folder each under {@code root}, named by the dataset's id: the SHA-256
 * of its files' contents (in field order: usage, catalog, entitlements, identities; the client's
 * file names are not part of it) and of how they are read (zone, strict). A folder holds the files
 * under names the server chose ({@code usage-1.csv}) and a {@code manifest.json} with the client's
 * file names. A folder is written under a temporary name and renamed into place, so a crash never
 * leaves a half dataset; on start the store reads the folders back (datasets survive a restart)
 * and deletes unfinished ones.
 *
 * <p>The total size is capped: storing a dataset evicts the least recently used others until the
 * total fits (use is stored as the folder's modification time, so the order survives a restart).
 * Ids from clients are accepted only as 64 lower-case hex digits, so an id is never a path.
 * Thread-safe.
 */
public final class DatasetStore {
  static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
  static final String MANIFEST = "manifest.json";
  private static final String INCOMING = "incoming-";
  private static final Pattern STORED =
      Pattern.compile("(usage|catalog|entitlements|identities)-[0-9]{1,3}\\.[a-z0-9]{1,8}");
  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,8})$");
  private static final List<String> FIELDS =
      List.of(
          UploadReceiver.USAGE,
          UploadReceiver.CATALOG,
          UploadReceiver.ENTITLEMENTS,
          UploadReceiver.IDENTITIES);
  private static final Logger LOG = LoggerFactory.getLogger(DatasetStore.class);

  private final Path root;
  private final long maxBytes;
  private final ObjectMapper json;
  private final Clock clock;
  private final Consumer<String> onRemove;
  private final Map<String, Entry> index = new HashMap<>();
  private long tick;

  private static final class Entry {
    final Dataset dataset;
    long lastUsed;

    Entry(Dataset dataset, long lastUsed) {
      this.dataset = dataset;
      this.lastUsed = lastUsed;
    }
  }

  /**
   * Opens (or creates) the store under {@code root} and reads back the datasets already there;
   * {@code onRemove} hears the id of every dataset evicted or deleted.
   */
  public DatasetStore(
      Path root, long maxBytes, ObjectMapper json, Clock clock, Consumer<String> onRemove) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.json = json;
    this.clock = clock;
    this.onRemove = onRemove;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the dataset folder " + root, e);
    }
    load();
  }

  /** True for a well-formed id (64 lower-case hex digits). */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The id the request's files would be stored under, read as {@code read}. */
  public static String idOf(RequestUploads files, ReadOptions read) {
    MessageDigest all = sha256();
    all.update(("seatwise-dataset/1\nzone " + read.zone().getId() + "\nstrict " + read.strict() + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String field : FIELDS) {
      for (UploadedSource s : files.files(field)) {
        all.update((field + " " + fileHash(s.path()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(all.digest());
  }

  /**
   * Stores the request's files as dataset {@code id} (moving them out of the request's folder),
   * or answers the dataset already stored under that id (leaving the files where they are). Then
   * evicts the least recently used other datasets until the total fits the cap.
   *
   * @throws ApiProblem 413 when the files alone are over the cap
   * @throws StorageException when the files cannot be stored (507 when out of space, else 500)
   */
  public synchronized Dataset put(String id, RequestUploads files, ReadOptions read) {
    if (!isId(id)) {
      throw new IllegalArgumentException("not a dataset id: " + id);
    }
    Entry existing = index.get(id);
    if (existing != null && Files.isDirectory(existing.dataset.dir())) {
      touch(existing);
      return existing.dataset;
    }
    long bytes = 0;
    for (String field : FIELDS) {
      for (UploadedSource s : files.files(field)) {
        bytes += size(s.path());
      }
    }
    if (bytes > maxBytes) {
      throw new ApiProblem(
          413,
          "Dataset too large",
          "the files (" + UploadReceiver.humanBytes(bytes) + ") are larger than the dataset store's "
              + UploadReceiver.humanBytes(maxBytes) + " cap (--data-max-mb)");
    }
    Path incoming = root.resolve(INCOMING + UUID.randomUUID());
    Path target = root.resolve(id);
    try {
      Files.createDirectories(incoming);
      ObjectNode manifest = json.createObjectNode();
      manifest.put("format", 1);
      manifest.put("id", id);
      manifest.put("zone", read.zone().getId());
      manifest.put("strict", read.strict());
      manifest.put("created", clock.instant().toString());
      ArrayNode list = manifest.putArray("files");
      for (String field : FIELDS) {
        int n = 0;
        for (UploadedSource s : files.files(field)) {
          n++;
          String stored = field + "-" + n + "." + extension(s.path());
          Files.move(s.path(), incoming.resolve(stored), StandardCopyOption.REPLACE_EXISTING);
          ObjectNode f = list.addObject();
          f.put("field", field);
          f.put("stored", stored);
          f.put("label", s.label());
          f.put("bytes", size(incoming.resolve(stored)));
        }
      }
      json.writeValue(incoming.resolve(MANIFEST).toFile(), manifest);
      RequestUploads.deleteTree(target); // an unreadable leftover under this id
      Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      RequestUploads.deleteTree(incoming);
      throw new StorageException("cannot store the dataset " + id, e);
    }
    Dataset dataset = read(target).orElseThrow(() -> new IllegalStateException("stored dataset unreadable: " + id));
    Entry entry = new Entry(dataset, 0);
    index.put(id, entry);
    touch(entry);
    evictBeyondCap(id);
    return dataset;
  }

  /** The dataset stored under {@code id}, marked as just used; empty for an unknown or malformed id. */
  public synchronized Optional<Dataset> get(String id) {
    if (!isId(id)) {
      return Optional.empty();
    }
    Entry e = index.get(id);
    if (e == null) {
      return Optional.empty();
    }
    if (!Files.isDirectory(e.dataset.dir())) {
      index.remove(id);
      onRemove.accept(id);
      return Optional.empty();
    }
    touch(e);
    return Optional.of(e.dataset);
  }

  /** Deletes the dataset; false when there was none. */
  public synchronized boolean remove(String id) {
    if (!isId(id)) {
      return false;
    }
    Entry e = index.remove(id);
    if (e == null) {
      return false;
    }
    RequestUploads.deleteTree(e.dataset.dir());
    onRemove.accept(id);
    return true;
  }

  /** The total size of the stored files. */
  public synchronized long totalBytes() {
    return index.values().stream().mapToLong(e -> e.dataset.bytes()).sum();
  }

  private void evictBeyondCap(String keep) {
    long total = totalBytes();
    List<Map.Entry<String, Entry>> oldestFirst = new ArrayList<>(index.entrySet());
    oldestFirst.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
    for (Map.Entry<String, Entry> e : oldestFirst) {
      if (total <= maxBytes) {
        break;
      }
      if (e.getKey().equals(keep)) {
        continue;
      }
      total -= e.getValue().dataset.bytes();
      LOG.info("dataset store over its cap: evicting the least recently used dataset {}", e.getKey());
      remove(e.getKey());
    }
  }

  private void touch(Entry e) {
    e.lastUsed = ++tick;
    try {
      Files.setLastModifiedTime(e.dataset.dir(), FileTime.fromMillis(clock.millis()));
    } catch (IOException ex) {
      LOG.debug("cannot record the use of dataset {}", e.dataset.id(), ex);
    }
  }

  private void load() {
    record Found(Dataset dataset, long modified) {}
    List<Found> found = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path dir : children.toList()) {
        String name = dir.getFileName().toString();
        if (name.startsWith(INCOMING)) {
          RequestUploads.deleteTree(dir);
        } else if (isId(name) && Files.isDirectory(dir)) {
          Optional<Dataset> d = read(dir);
          if (d.isPresent()) {
            found.add(new Found(d.get(), Files.getLastModifiedTime(dir).toMillis()));
          } else {
            LOG.warn("deleting the unreadable dataset folder {}", dir);
            RequestUploads.deleteTree(dir);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dataset folder " + root, e);
    }
    found.sort(Comparator.comparingLong(Found::modified));
    for (Found f : found) {
      index.put(f.dataset().id(), new Entry(f.dataset(), ++tick));
    }
    if (!found.isEmpty()) {
      LOG.info("dataset store {}: {} datasets, {} bytes", root, found.size(), totalBytes());
    }
  }

  /** The dataset in {@code dir} from its manifest; empty when the manifest is missing or wrong. */
  private Optional<Dataset> read(Path dir) {
    try {
      JsonNode m = json.readTree(dir.resolve(MANIFEST).toFile());
      String id = m.path("id").asText();
      if (!id.equals(dir.getFileName().toString()) || m.path("format").asInt() != 1) {
        return Optional.empty();
      }
      ReadOptions read = new ReadOptions(ZoneId.of(m.path("zone").asText()), m.path("strict").asBoolean());
      Map<String, List<UploadedSource>> byField = new HashMap<>();
      long bytes = 0;
      for (JsonNode f : m.path("files")) {
        String field = f.path("field").asText();
        String stored = f.path("stored").asText();
        if (!FIELDS.contains(field) || !STORED.matcher(stored).matches() || !stored.startsWith(field + "-")) {
          return Optional.empty();
        }
        Path path = dir.resolve(stored);
        if (!Files.isRegularFile(path)) {
          return Optional.empty();
        }
        bytes += Files.size(path);
        String label = UploadReceiver.label(f.path("label").asText(), stored);
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(new UploadedSource(path, label));
      }
      List<UploadedSource> usage = byField.getOrDefault(UploadReceiver.USAGE, List.of());
      if (usage.isEmpty()) {
        return Optional.empty();
      }
      AnalysisInputs inputs =
          new AnalysisInputs(
              usage,
              byField.getOrDefault(UploadReceiver.CATALOG, List.of()).stream().findFirst(),
              byField.getOrDefault(UploadReceiver.ENTITLEMENTS, List.of()),
              byField.getOrDefault(UploadReceiver.IDENTITIES, List.of()).stream().findFirst());
      return Optional.of(new Dataset(id, dir, inputs, read, bytes, Instant.parse(m.path("created").asText())));
    } catch (IOException | DateTimeException | IllegalArgumentException e) {
      LOG.debug("unreadable dataset manifest in {}", dir, e);
      return Optional.empty();
    }
  }

  private static String extension(Path stored) {
    Matcher m = EXTENSION.matcher(stored.getFileName().toString());
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "txt";
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileHash(Path path) {
    MessageDigest d = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
