package dev.seatwise.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.seatwise.adapter.web.dto.ProblemResponse;
import dev.seatwise.application.LicensingException;
import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.application.port.out.UsageImportException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: every exception is written as an RFC 7807
 * problem ({@code application/problem+json}) with a status, a title and a detail in the user's
 * terms. Stored upload paths are replaced by the client's file names; stack traces go to the
 * server log only, under a reference the answer quotes. Thread-safe.
 */
public final class ProblemTranslator {
  /** Context attribute holding the request's stored-path → client-label map. */
  public static final String LABELS = "seatwise.labels";

  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemTranslator.class);
  private static final Pattern LINE = Pattern.compile("(?:\\bline\\s+|^[^:\\s]+:)(\\d+)\\b");

  private final ObjectMapper json;
  private final List<Path> hidden;

  public ProblemTranslator(ObjectMapper json, Path uploadRoot) {
    this(json, List.of(uploadRoot));
  }

  /** Hides every folder of {@code hidden} (uploads, the dataset store) in answers. */
  public ProblemTranslator(ObjectMapper json, List<Path> hidden) {
    this.json = json;
    this.hidden = List.copyOf(hidden);
  }

  /** Javalin exception handler. */
  public void handle(Exception e, Context ctx) {
    write(ctx, toProblem(e, ctx));
    if (e instanceof ApiProblem p) {
      p.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
    }
  }

  /** Writes a problem for a status Javalin produced itself (404, 405, ...). */
  public void handleStatus(Context ctx) {
    String body = ctx.result();
    if (body != null && !body.isEmpty() && PROBLEM_JSON.equals(ctx.res().getContentType())) {
      return;
    }
    int status = ctx.statusCode();
    String title = status == 404 ? "Not found" : status == 405 ? "Method not allowed" : "Error";
    write(ctx, problem(status, title, ctx.method() + " " + ctx.path(), ctx, null, null));
  }

  ProblemResponse toProblem(Exception e, Context ctx) {
    return toProblem(e, ctx.method().name(), ctx.path(), labels(ctx));
  }

  /**
   * The problem for {@code e} on a request to {@code path}, whose files are {@code labels} (stored
   * path to client label); usable after the request ended (a job's failure).
   */
  public ProblemResponse toProblem(
      Throwable e, String method, String path, Map<String, String> labels) {
    if (e instanceof ApiProblem p) {
      return problem(p.status(), p.title(), clean(p.detail(), labels), path, p.file().orElse(null), null);
    }
    if (e instanceof StorageException s) {
      return storageFailure(s, method, path);
    }
    if (e instanceof UsageImportException) {
      return fromInput(422, "Unreadable usage file", e, path, labels);
    }
    if (e instanceof CatalogException) {
      return fromInput(422, "Unreadable catalog", e, path, labels);
    }
    if (e instanceof LicensingException) {
      return fromInput(422, "Cannot analyse this data", e, path, labels);
    }
    if (e instanceof HttpResponseException h) {
      return problem(h.getStatus(), "Error", clean(h.getMessage(), labels), path, null, null);
    }
    if (e instanceof IllegalArgumentException) {
      return fromInput(422, "Cannot analyse this data", e, path, labels);
    }
    String ref = UUID.randomUUID().toString();
    LOG.error("unexpected failure on {} {} (ref {})", method, path, ref, e);
    return problem(
        500,
        "Internal error",
        "an unexpected error occurred; the server log has the details under ref " + ref,
        path,
        null,
        null);
  }

  /**
   * The server could not store an upload (or read back what it stored): 507 when its storage is out
   * of space, else 500; never the client's fault. The answer names no server path; the log has the
   * failure under a reference the answer quotes.
   */
  private static ProblemResponse storageFailure(StorageException e, String method, String path) {
    String ref = UUID.randomUUID().toString();
    LOG.error("cannot store an upload on {} {} (ref {})", method, path, ref, e);
    String log = "; the server log has the details under ref " + ref;
    if (e.outOfSpace()) {
      return problem(
          507,
          "Insufficient storage",
          "the server has no space left to store the upload; nothing of it was kept."
              + " Try again later" + log,
          path,
          null,
          null);
    }
    return problem(
        500,
        "Cannot store the upload",
        "the server could not write the upload to its storage; nothing of it was kept" + log,
        path,
        null,
        null);
  }

  private ProblemResponse fromInput(
      int status, String title, Throwable e, String path, Map<String, String> labels) {
    String detail = clean(String.valueOf(e.getMessage()), labels);
    Optional<String> file = fileOf(detail, labels);
    Long line = null;
    if (file.isPresent()) {
      Matcher m = LINE.matcher(detail.substring(file.get().length()));
      if (m.find()) {
        line = Long.parseLong(m.group(1));
      }
      Matcher atStart = Pattern.compile("^:(\\d+)\\b").matcher(detail.substring(file.get().length()));
      if (line == null && atStart.find()) {
        line = Long.parseLong(atStart.group(1));
      }
    }
    return problem(status, title, detail, path, file.orElse(null), line);
  }

  private static Optional<String> fileOf(String detail, Map<String, String> labels) {
    for (String label : labels.values()) {
      if (detail.startsWith(label + ":") || detail.startsWith(label + " ")) {
        return Optional.of(label);
      }
    }
    for (String label : labels.values()) {
      if (detail.contains(label)) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  /** Replaces stored upload paths by the client's labels, and hides the server's folders. */
  public String clean(String text, Context ctx) {
    return clean(text, labels(ctx));
  }

  /** Replaces stored paths of {@code labels} by the client's labels, and hides the server's folders. */
  public String clean(String text, Map<String, String> labels) {
    return clean(text, replacements(labels));
  }

  /**
   * What {@link #clean(String, Map)} replaces, in order: each stored path by its label, then each
   * stored file name by its label, then the server's folders by "(upload)".
   */
  private List<String[]> replacements(Map<String, String> labels) {
    List<String[]> pairs = new ArrayList<>();
    labels.forEach((stored, label) -> pairs.add(new String[] {stored, label}));
    labels.forEach(
        (stored, label) -> pairs.add(new String[] {Path.of(stored).getFileName().toString(), label}));
    for (Path root : hidden) {
      pairs.add(new String[] {root.toString(), "(upload)"});
    }
    return pairs;
  }

  private static String clean(String text, List<String[]> replacements) {
    String out = text;
    for (String[] r : replacements) {
      out = out.replace(r[0], r[1]);
    }
    return out;
  }

  /** {@code node} with {@link #clean(String, Context)} applied to every string in it. */
  public JsonNode clean(JsonNode node, Context ctx) {
    return clean(node, labels(ctx));
  }

  /** {@code node} with {@link #clean(String, Map)} applied to every string in it. */
  public JsonNode clean(JsonNode node, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return node;
    }
    return clean(node, replacements(labels));
  }

  private static JsonNode clean(JsonNode node, List<String[]> replacements) {
    if (node.isTextual()) {
      String text = node.textValue();
      String cleaned = clean(text, replacements);
      return cleaned.equals(text) ? node : TextNode.valueOf(cleaned);
    }
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) o::fields) {
        JsonNode value = field.getValue();
        if (value.isContainerNode() || value.isTextual()) {
          JsonNode cleaned = clean(value, replacements);
          if (cleaned != value) {
            field.setValue(cleaned);
          }
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode value = a.get(i);
        if (value.isContainerNode() || value.isTextual()) {
          JsonNode cleaned = clean(value, replacements);
          if (cleaned != value) {
            a.set(i, cleaned);
          }
        }
      }
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> labels(Context ctx) {
    Object labels = ctx.attribute(LABELS);
    return labels instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
  }

  private static ProblemResponse problem(
      int status, String title, String detail, Context ctx, String file, Long line) {
    return problem(status, title, detail, ctx.path(), file, line);
  }

  private static ProblemResponse problem(
      int status, String title, String detail, String path, String file, Long line) {
    return new ProblemResponse("about:blank", title, status, capped(detail), path, file, line);
  }

  /** The longest detail answered; the readers quote at most 200 characters of input in it. */
  static final int MAX_DETAIL_CHARS = 2000;

  private static String capped(String detail) {
    if (detail == null || detail.length() <= MAX_DETAIL_CHARS) {
      return detail;
    }
    return detail.substring(0, MAX_DETAIL_CHARS) + "... (" + detail.length() + " characters)";
  }

  private void write(Context ctx, ProblemResponse p) {
    try {
      // bytes in UTF-8, as JSON is (RFC 8259): as a String, Jetty encodes a type it does not know
      // in ISO-8859-1, and 'Ü' reached clients as an invalid byte, '…' as '?'
      ctx.status(p.status()).contentType(PROBLEM_JSON).result(json.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      ctx.status(500).contentType(PROBLEM_JSON).result("{\"title\":\"Internal error\",\"status\":500}");
    }
    if (p.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"seatwise\"");
    }
  }
}
