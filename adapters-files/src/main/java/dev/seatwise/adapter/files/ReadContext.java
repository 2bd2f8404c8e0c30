package dev.seatwise.adapter.files;

import dev.seatwise.adapter.files.catalog.ProductResolver;

/** What every reader needs besides the file: the resolver and the import options. */
record ReadContext(ProductResolver resolver, ImportOptions options) {
  IdentityMap identity() {
    return options.identity();
  }

  boolean privacy() {
    return options.privacy();
  }
}
