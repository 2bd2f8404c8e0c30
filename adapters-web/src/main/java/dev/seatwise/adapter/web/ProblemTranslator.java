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
  private final Path uploadRoot;

  public ProblemTranslator(ObjectMapper json, Path uploadRoot) {
    this.json = json;
    this.uploadRoot = uploadRoot;
  }

  /** Javalin exception handler. */
  public void handle(Exception e, Context ctx) {
    write(ctx, toProblem(e, ctx));
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
    if (e instanceof ApiProblem p) {
      return problem(p.status(), p.title(), clean(p.detail(), ctx), ctx, p.file().orElse(null), null);
    }
    if (e instanceof UsageImportException) {
      return fromInput(422, "Unreadable usage file", e, ctx);
    }
    if (e instanceof CatalogException) {
      return fromInput(422, "Unreadable catalog", e, ctx);
    }
    if (e instanceof LicensingException) {
      return fromInput(422, "Cannot analyse this data", e, ctx);
    }
    if (e instanceof HttpResponseException h) {
      return problem(h.getStatus(), "Error", clean(h.getMessage(), ctx), ctx, null, null);
    }
    if (e instanceof IllegalArgumentException) {
      return fromInput(422, "Cannot analyse this data", e, ctx);
    }
    String ref = UUID.randomUUID().toString();
    LOG.error("unexpected failure on {} {} (ref {})", ctx.method(), ctx.path(), ref, e);
    return problem(
        500,
        "Internal error",
        "an unexpected error occurred; the server log has the details under ref " + ref,
        ctx,
        null,
        null);
  }

  private ProblemResponse fromInput(int status, String title, Exception e, Context ctx) {
    String detail = clean(String.valueOf(e.getMessage()), ctx);
    Optional<String> file = fileOf(detail, ctx);
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
    return problem(status, title, detail, ctx, file.orElse(null), line);
  }

  private static Optional<String> fileOf(String detail, Context ctx) {
    for (String label : labels(ctx).values()) {
      if (detail.startsWith(label + ":") || detail.startsWith(label + " ")) {
        return Optional.of(label);
      }
    }
    for (String label : labels(ctx).values()) {
      if (detail.contains(label)) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  /** Replaces stored upload paths by the client's labels, and hides the server's folders. */
  public String clean(String text, Context ctx) {
    String out = text;
    Map<String, String> labels = labels(ctx);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String stored = Path.of(e.getKey()).getFileName().toString();
      out = out.replace(stored, e.getValue());
    }
    return out.replace(uploadRoot.toString(), "(upload)");
  }

  /** {@code node} with {@link #clean(String, Context)} applied to every string in it. */
  public JsonNode clean(JsonNode node, Context ctx) {
    if (labels(ctx).isEmpty()) {
      return node;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(clean(node.textValue(), ctx));
    }
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        o.set(name, clean(o.get(name), ctx));
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, clean(a.get(i), ctx));
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
    return new ProblemResponse(
        "about:blank", title, status, capped(detail), ctx.path(), file, line);
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
      ctx.status(p.status()).contentType(PROBLEM_JSON).result(json.writeValueAsString(p));
    } catch (JsonProcessingException e) {
      ctx.status(500).contentType(PROBLEM_JSON).result("{\"title\":\"Internal error\",\"status\":500}");
    }
    if (p.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"seatwise\"");
    }
  }
}
