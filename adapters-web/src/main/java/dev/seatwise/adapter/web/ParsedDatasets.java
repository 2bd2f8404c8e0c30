package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Uploads kept parsed in memory, at most {@code capacity}, least recently used dropped first: the
 * stored datasets (keyed by their id; a dropped dataset is read from its files again when next
 * analysed) and the recent one-shot uploads (keyed by {@link #uploadKey}: the same files under the
 * same names, read the same way, are read once, not once per request). The scope of a key reads
 * its files once, whoever asks first; others wait for that read; a read that fails is not kept.
 * Thread-safe.
 */
final class ParsedDatasets {
  /** Keys of one-shot uploads start with this, so that they never equal a dataset id. */
  static final String UPLOAD = "upload-";

  /**
   * A parsed upload: its use cases, and the stored path → client label of the files it was read
   * from (its notes and rejections name those paths; they are answered as these labels).
   */
  record Parsed(AnalysisScope scope, Map<String, String> labels) {
    Parsed {
      requireNonNull(scope, "scope");
      labels = Map.copyOf(labels);
    }
  }

  private final WebUseCases useCases;
  private final int capacity;
  private final Map<String, Parsed> scopes;

  ParsedDatasets(WebUseCases useCases, int capacity) {
    this.useCases = useCases;
    this.capacity = capacity;
    this.scopes =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > ParsedDatasets.this.capacity;
          }
        };
  }

  /** True when the key's upload is in memory (its files may still be being read). */
  synchronized boolean contains(String key) {
    return scopes.containsKey(key);
  }

  /** The dataset's use cases; reads its files now unless another request already did. */
  AnalysisScope scope(Dataset dataset) {
    return parsed(dataset.id(), () -> new Parsed(useCases.over(dataset.inputs(), dataset.read()), dataset.labels()))
        .scope();
  }

  /**
   * The upload kept under {@code key}, made by {@code make} when there is none; its files are read
   * now unless another request already did.
   */
  Parsed parsed(String key, Supplier<Parsed> make) {
    Parsed parsed;
    synchronized (this) {
      parsed = scopes.get(key);
      if (parsed == null) {
        parsed = make.get();
        scopes.put(key, parsed);
      }
    }
    try {
      parsed.scope().preload();
    } catch (RuntimeException | Error e) {
      forget(key, parsed);
      throw e;
    }
    return parsed;
  }

  /** The upload kept under {@code key}, if any (counted as a use); its files may still be being read. */
  synchronized java.util.Optional<Parsed> existing(String key) {
    return java.util.Optional.ofNullable(scopes.get(key));
  }

  synchronized void forget(String key) {
    scopes.remove(key);
  }

  private synchronized void forget(String key, Parsed parsed) {
    scopes.remove(key, parsed);
  }

  /**
   * The key of a one-shot upload: {@link #UPLOAD} and the SHA-256 of {@code contentId} (the
   * dataset id of the same files, {@link DatasetStore#idOf}: their contents and how they are
   * read) and of the files' labels in order, so that an answer from memory names the files as
   * the request named them.
   */
  static String uploadKey(String contentId, List<String> labels) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    d.update(("seatwise-upload/1\n" + contentId + "\n").getBytes(StandardCharsets.UTF_8));
    for (String label : labels) {
      d.update((label.length() + ":" + label + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return UPLOAD + HexFormat.of().formatHex(d.digest());
  }
}
