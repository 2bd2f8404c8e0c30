package dev.seatwise.adapter.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored datasets kept parsed in memory, at most {@code capacity}, least recently used
 * dropped first (a dropped dataset is read from its files again when next analysed). The scope of
 * a dataset reads its files once, whoever asks first; others wait for that read. Thread-safe.
 */
final class ParsedDatasets {
  private final WebUseCases useCases;
  private final int capacity;
  private final Map<String, AnalysisScope> scopes;

  ParsedDatasets(WebUseCases useCases, int capacity) {
    this.useCases = useCases;
    this.capacity = capacity;
    this.scopes =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, AnalysisScope> eldest) {
            return size() > ParsedDatasets.this.capacity;
          }
        };
  }

  /** True when the dataset is in memory (its files may still be being read). */
  synchronized boolean contains(String id) {
    return scopes.containsKey(id);
  }

  /** The dataset's use cases; reads its files now unless another request already did. */
  AnalysisScope scope(Dataset dataset) {
    AnalysisScope scope;
    synchronized (this) {
      scope = scopes.get(dataset.id());
      if (scope == null) {
        scope = useCases.over(dataset.inputs(), dataset.read());
        scopes.put(dataset.id(), scope);
      }
    }
    try {
      scope.preload();
    } catch (RuntimeException e) {
      forget(dataset.id());
      throw e;
    }
    return scope;
  }

  synchronized void forget(String id) {
    scopes.remove(id);
  }
}
