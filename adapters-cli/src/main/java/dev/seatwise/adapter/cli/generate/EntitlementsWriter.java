package dev.seatwise.adapter.cli.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Today's plan of the synthetic organisation as Autodesk Account exports: the Subscriptions export
 * (one annual subscription per offering, seats = people assigned plus about 5% spare) and the Users
 * export (each person with the offerings assigned to them, {@code ;}-separated). People who never
 * use their tools still hold seats: the plan was bought, not measured.
 */
final class EntitlementsWriter {
  private EntitlementsWriter() {}

  static void subscriptions(List<Person> people, LocalDate start, Writer out) throws IOException {
    Map<String, Long> seats = new TreeMap<>();
    for (Person p : people) {
      for (String offering : p.assigned()) {
        seats.merge(offering, 1L, Long::sum);
      }
    }
    StringBuilder sb =
        new StringBuilder(
            "contract_number,subscription_id,offering_name,seat_quantity,start_date,end_date,term,subscription_status\n");
    int n = 0;
    for (Map.Entry<String, Long> e : seats.entrySet()) {
      n++;
      long spare = (e.getValue() + 19) / 20;
      sb.append("110004242")
          .append(',')
          .append(String.format("SUB-%05d", 70_000 + n))
          .append(',')
          .append(e.getKey())
          .append(',')
          .append(e.getValue() + spare)
          .append(',')
          .append(start)
          .append(',')
          .append(start.plusYears(1))
          .append(",Annual,Active\n");
    }
    out.write(sb.toString());
  }

  static void users(List<Person> people, Writer out) throws IOException {
    StringBuilder sb =
        new StringBuilder("email,first_name,last_name,role,product_name,account_status,team\n");
    for (Person p : people) {
      List<String> cells = new ArrayList<>(p.assigned());
      sb.append(p.email())
          .append(',')
          .append(p.firstName())
          .append(',')
          .append(p.lastName())
          .append(",User,")
          .append(csv(String.join(";", cells)))
          .append(",Active,")
          .append(p.team())
          .append('\n');
    }
    out.write(sb.toString());
  }

  /** Quotes a cell that holds a comma or quote (offering names never do today). */
  private static String csv(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** The identity map: FlexLM login and workstation, e-mail and hashed id, person, team. */
  static void identities(List<Person> people, Writer out) throws IOException {
    StringBuilder sb =
        new StringBuilder("flexlm_user,host,email,hashed_id,person,team,cost_centre\n");
    for (Person p : people) {
      sb.append(p.login())
          .append(',')
          .append(p.host())
          .append(',')
          .append(p.email())
          .append(',')
          .append(p.hashedId())
          .append(',')
          .append(p.firstName())
          .append(' ')
          .append(p.lastName())
          .append(p.index() >= 4096 ? " " + (p.index() / 4096 + 1) : "")
          .append(',')
          .append(p.team())
          .append(",CC-")
          .append(Math.abs(p.team().hashCode()) % 900 + 100)
          .append('\n');
    }
    out.write(sb.toString());
  }
}
