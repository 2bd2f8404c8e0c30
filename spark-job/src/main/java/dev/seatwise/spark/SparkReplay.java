package dev.seatwise.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_block_start;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.seatwise.adapter.files.ImportOptions;
import dev.seatwise.adapter.files.SessionRowRules;
import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.optimize.UserDemand;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The replay as a Spark job (the design of docs/scale.md), without the driver's start-up:
 *
 * <ol>
 *   <li>read the CSV with Spark (every column a string, by an explicit schema; the header row is
 *       bound on the driver with the reader's aliases and skipped in the partition that holds the
 *       file's first block);
 *   <li>map each row through {@link SessionRowRules} (the single-machine reader's checks, product
 *       aliases resolved by the catalog, which each executor loads once): an accepted row becomes
 *       {@code (user, product, startNanos, endNanos)}, a rejected one carries its reason;
 *   <li>repartition by hash(user) and sort within partitions by (user, product, start);
 *   <li>in {@code mapPartitions}, fill a {@link SessionTable.Builder} from the rows, whole users at
 *       a time (a batch is closed at a user boundary once it holds {@code batchRows} rows, so an
 *       executor holds at most about one batch of sessions), replay it with {@link
 *       ColumnarFlexReplay} and emit one row per user × product (windows, tokens, days used), one
 *       row with the partition's session count, and one per rejection reason with its count;
 *   <li>collect those rows to the driver, build each user's {@link UserDemand} and solve the three
 *       {@link Scenarios}.
 * </ol>
 */
public final class SparkReplay {
  /** Rows a batch holds before it is closed at the next user boundary (about 28 MB of table). */
  public static final int DEFAULT_BATCH_ROWS = 1 << 20;

  private static final int GROUP = 0;
  private static final int PARTITION = 1;
  private static final int REJECTED = 2;

  static final StructType PARSED = new StructType(new StructField[] {
      DataTypes.createStructField("user", DataTypes.StringType, true),
      DataTypes.createStructField("product", DataTypes.StringType, true),
      DataTypes.createStructField("start", DataTypes.LongType, false),
      DataTypes.createStructField("end", DataTypes.LongType, false),
      DataTypes.createStructField("rejected", DataTypes.StringType, true)});

  static final StructType REPLAYED = new StructType(new StructField[] {
      DataTypes.createStructField("kind", DataTypes.IntegerType, false),
      DataTypes.createStructField("user", DataTypes.StringType, true),
      DataTypes.createStructField("product", DataTypes.StringType, true),
      DataTypes.createStructField("windows", DataTypes.LongType, false),
      DataTypes.createStructField("tokens", DataTypes.LongType, false),
      DataTypes.createStructField("days", DataTypes.LongType, false),
      DataTypes.createStructField("count", DataTypes.LongType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, true)});

  /**
   * The job's figures, the number of partitions the replay ran in, and the driver's time from the
   * collected rows to the three totals (demands and scenarios).
   */
  public record Result(Figures figures, int partitions, long driverNanos) {}

  private SparkReplay() {}

  /**
   * Replays {@code csv} on {@code spark} with the bundled catalog {@code catalogName}, in {@code
   * partitions} partitions of users.
   */
  public static Result run(
      SparkSession spark, Path csv, String catalogName, int partitions, int batchRows) {
    if (partitions < 1 || batchRows < 1) {
      throw new IllegalArgumentException("partitions and batch rows must be positive");
    }
    String name = String.valueOf(csv.getFileName());
    List<String> header = header(csv, name);
    int[] columns = SessionRowRules.bindHeader(header, name);
    StructField[] fields = new StructField[header.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = DataTypes.createStructField("c" + i, DataTypes.StringType, true);
    }
    Dataset<Row> raw = spark.read()
        .schema(new StructType(fields))
        .option("header", "false")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("encoding", "UTF-8")
        .csv(csv.toAbsolutePath().toUri().toString());
    Dataset<Row> withBlock = raw.withColumn("_block", input_file_block_start());
    List<Row> rows = withBlock
        .mapPartitions(new ParseRows(catalogName, columns, fields.length), Encoders.row(PARSED))
        .repartition(partitions, col("user"))
        .sortWithinPartitions(col("user"), col("product"), col("start"))
        .mapPartitions(new ReplayUsers(catalogName, batchRows), Encoders.row(REPLAYED))
        .collectAsList();
    return collect(rows, catalogName);
  }

  /** The driver's part: join the partitions' rows, build the demands, solve the scenarios. */
  private static Result collect(List<Row> rows, String catalogName) {
    long t0 = System.nanoTime();
    Catalog catalog = Catalogs.catalogOf(Catalogs.load(catalogName));
    Map<String, TreeMap<ProductId, Long>> byUser = new TreeMap<>();
    SortedMap<String, Long> rejections = new TreeMap<>();
    long sessions = 0;
    long rejected = 0;
    long windows = 0;
    long tokens = 0;
    long days = 0;
    int groups = 0;
    int partitions = 0;
    for (Row r : rows) {
      switch (r.getInt(0)) {
        case GROUP -> {
          TreeMap<ProductId, Long> demand = byUser.computeIfAbsent(r.getString(1), u -> new TreeMap<>());
          if (demand.put(ProductId.of(r.getString(2)), r.getLong(4)) != null) {
            // a user x product replayed twice would count its windows twice
            throw new IllegalStateException("user " + r.getString(1) + " × product "
                + r.getString(2) + " was replayed in two batches: the rows were not partitioned "
                + "and sorted by user");
          }
          groups++;
          windows += r.getLong(3);
          tokens += r.getLong(4);
          days += r.getLong(5);
        }
        case PARTITION -> {
          partitions++;
          sessions += r.getLong(6);
        }
        case REJECTED -> {
          rejected += r.getLong(6);
          rejections.merge(r.getString(7), r.getLong(6), Long::sum);
        }
        default -> throw new IllegalStateException("unknown row kind " + r.getInt(0));
      }
    }
    List<UserDemand> demands = new ArrayList<>(byUser.size());
    byUser.forEach((user, demand) -> demands.add(UserDemand.of(UserId.of(user), demand)));
    Scenarios.Totals totals = Scenarios.solve(catalog, demands);
    Figures figures = new Figures(sessions, rejected, rejections, byUser.size(), groups, windows,
        tokens, days, totals.allNamed(), totals.allFlex(), totals.optimal());
    return new Result(figures, partitions, System.nanoTime() - t0);
  }

  /** The first non-blank record of the file (the header), as the readers find it. */
  static List<String> header(Path csv, String name) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
        .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(csv)) {
      for (CsvRecord record : reader) {
        List<String> fields = record.getFields();
        if (!blank(fields)) {
          return fields;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new UsageImportException(name + ": the file is empty (no header row)");
  }

  private static boolean blank(List<String> fields) {
    for (String f : fields) {
      if (f != null && !f.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Map side: the reader's row rules. Emits {@code (user, product, start, end, null)} for an
   * accepted row and {@code (null, null, 0, 0, "field: reason")} for a rejected one; blank records
   * and the header (the first non-blank record of the file's first block) are dropped.
   */
  static final class ParseRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String catalogName;
    private final int[] columns;
    private final int width;

    ParseRows(String catalogName, int[] columns, int width) {
      this.catalogName = catalogName;
      this.columns = columns.clone();
      this.width = width;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
      LoadedCatalog loaded = Catalogs.load(catalogName);
      SessionRowRules rules = new SessionRowRules(loaded.resolver(), ImportOptions.defaults());
      // one lookup per distinct spelling, as the single-machine reader caches them
      Map<String, String> users = new HashMap<>();
      Map<String, Optional<ProductId>> products = new HashMap<>();
      return new Iterator<>() {
        private boolean headerSkipped;
        private Row next = advance();

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public Row next() {
          if (next == null) {
            throw new java.util.NoSuchElementException();
          }
          Row r = next;
          next = advance();
          return r;
        }

        private Row advance() {
          while (in.hasNext()) {
            Row r = in.next();
            if (blankRow(r)) {
              continue;
            }
            if (!headerSkipped && r.getLong(width) == 0) {
              headerSkipped = true;
              continue;
            }
            return parse(r);
          }
          return null;
        }

        private boolean blankRow(Row r) {
          for (int i = 0; i < width; i++) {
            String f = r.getString(i);
            if (f != null && !f.isBlank()) {
              return false;
            }
          }
          return true;
        }

        private Row parse(Row r) {
          String user = SessionRowRules.value(field(r, SessionRowRules.USER));
          if (user.isEmpty()) {
            return reject("user", "missing value");
          }
          String productName = SessionRowRules.value(field(r, SessionRowRules.PRODUCT));
          if (productName.isEmpty()) {
            return reject("product", "missing value");
          }
          Optional<ProductId> product = products.computeIfAbsent(productName, rules::product);
          if (product.isEmpty()) {
            return reject("product", SessionRowRules.unknownProduct(productName));
          }
          long start;
          long end;
          try {
            start = rules.instantNanos(SessionRowRules.value(field(r, SessionRowRules.START)));
          } catch (SessionRowRules.Rejected e) {
            return reject("start", e.getMessage());
          }
          try {
            end = rules.instantNanos(SessionRowRules.value(field(r, SessionRowRules.END)));
          } catch (SessionRowRules.Rejected e) {
            return reject("end", e.getMessage());
          }
          if (end < start) {
            return reject("end", SessionRowRules.endBeforeStart(start, end));
          }
          String id = users.computeIfAbsent(user, rules::user);
          return RowFactory.create(id, product.get().value(), start, end, null);
        }

        private String field(Row r, int logical) {
          return r.getString(columns[logical]);
        }
      };
    }

    private static Row reject(String field, String reason) {
      return RowFactory.create(null, null, 0L, 0L, field + ": " + reason);
    }
  }

  /**
   * Reduce side: one partition's rows, sorted by (user, product, start), replayed whole users at a
   * time.
   */
  static final class ReplayUsers implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String catalogName;
    private final int batchRows;

    ReplayUsers(String catalogName, int batchRows) {
      this.catalogName = catalogName;
      this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
      MeterContext context = MeterContext.of(Catalogs.catalogOf(Catalogs.load(catalogName)));
      List<Row> out = new ArrayList<>();
      Map<String, Long> rejected = new TreeMap<>();
      long sessions = 0;
      SessionTable.Builder batch = SessionTable.builder();
      String user = null;
      int u = -1;
      String product = null;
      int p = -1;
      while (in.hasNext()) {
        Row r = in.next();
        String reason = r.getString(4);
        if (reason != null) {
          rejected.merge(reason, 1L, Long::sum);
          continue;
        }
        String rowUser = r.getString(0);
        if (!rowUser.equals(user)) {
          // a batch is only closed between two users, so each user is replayed whole
          if (batch.size() >= batchRows) {
            replay(batch, context, out);
            batch = SessionTable.builder();
          }
          user = rowUser;
          u = batch.userIndex(UserId.of(rowUser));
          product = null;
        }
        String rowProduct = r.getString(1);
        if (!rowProduct.equals(product)) {
          product = rowProduct;
          p = batch.productIndex(ProductId.of(rowProduct));
        }
        batch.add(u, p, r.getLong(2), r.getLong(3));
        sessions++;
      }
      replay(batch, context, out);
      out.add(RowFactory.create(PARTITION, null, null, 0L, 0L, 0L, sessions, null));
      rejected.forEach((reason, n) ->
          out.add(RowFactory.create(REJECTED, null, null, 0L, 0L, 0L, n, reason)));
      return out.iterator();
    }

    private static void replay(SessionTable.Builder batch, MeterContext context, List<Row> out) {
      if (batch.size() == 0) {
        return;
      }
      ColumnarFlexReplay replay = ColumnarFlexReplay.of(batch.build(), context);
      for (int g = 0; g < replay.groups(); g++) {
        out.add(RowFactory.create(GROUP, replay.user(g).value(), replay.product(g).value(),
            (long) replay.windows(g), replay.tokens(g), (long) replay.daysUsed(g), 0L, null));
      }
    }
  }
}
