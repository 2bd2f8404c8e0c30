package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in real headless Chromium (Debian's chromium and chromedriver, no Selenium Manager):
 * the bundled example and an upload are analysed, the charts drawn, the totals on the page equal
 * the API's, and a user called {@code <img src=x onerror=alert(1)>} is shown as text.
 */
class PageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path tmp;
  static TestServer server;
  static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install -y chromium chromium-driver)");
    server = new TestServer(tmp);
    Path profile = Files.createTempDirectory(tmp, "chrome-profile");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toString());
    o.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--no-first-run", "--window-size=800,600",
        "--user-data-dir=" + profile);
    o.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService svc =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(svc, o);
    driver.manage().window().setSize(new Dimension(1280, 4200));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theBundledExampleIsChartedWithTheApisTotalsAndHostileNamesShownAsText() throws Exception {
    driver.get(server.base() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(d -> d.findElement(By.id("example-row")).isDisplayed());
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("example"))).selectByValue("test-org");
    driver.findElement(By.id("use-example")).click();
    waitForResults(wait);

    JsonNode api = TestServer.json(server.postExample("/api/comparisons?example=test-org"));
    assertThat(pageTotals()).isEqualTo(apiTotals(api)).isNotEmpty();
    assertChartsDrawn();

    List<WebElement> cells = driver.findElements(By.cssSelector("#users-table td.user"));
    assertThat(cells).extracting(WebElement::getText).contains(UsageFiles.XSS_USER);
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

    // filter and sort work on the same rows
    driver.findElement(By.id("user-filter")).sendKeys("onerror");
    assertThat(driver.findElements(By.cssSelector("#users-table tbody tr"))).hasSize(1);
    driver.findElement(By.id("user-filter")).clear();
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('user-filter').dispatchEvent(new Event('input'))");
    driver.findElement(By.cssSelector("#users-table th[data-key='user']")).click();
    assertThat(driver.findElements(By.cssSelector("#users-table tbody tr")).size())
        .isEqualTo(api.get("users").size());

    screenshot("page-example.png");
  }

  @Test
  void theChargebackIsATableAndAStackedBarWithTheApisFigures() throws Exception {
    Path usage =
        UsageFiles.sessions(tmp.resolve("teams-usage.csv"), 20, LocalDate.of(2025, 1, 1), 60, 5, List.of());
    StringBuilder map = new StringBuilder("email,person,team,cost_centre\n");
    for (int u = 1; u <= 20; u++) {
      String team = u % 3 == 0 ? UsageFiles.XSS_USER : u % 2 == 0 ? "Civil" : "Architecture";
      map.append(String.format("u%04d@example.com,Person %d,%s,CC-%d%n", u, u, team, u % 2));
    }
    Path identities = Files.writeString(tmp.resolve("teams.csv"), map.toString());
    driver.get(server.base() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.findElement(By.id("usage")).sendKeys(usage.toAbsolutePath().toString());
    driver.findElement(By.id("identities")).sendKeys(identities.toAbsolutePath().toString());
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("breakdown-by"))).selectByValue("team");
    driver.findElement(By.id("analyse")).click();
    waitForResults(wait);

    JsonNode api =
        TestServer.json(
            server.post(
                "/api/comparisons?zone=UTC&by=team",
                new Multipart().file("usage", usage).file("identities", identities)));
    assertThat(driver.findElement(By.id("chargeback-section")).isDisplayed()).isTrue();
    Map<String, BigDecimal> page = new LinkedHashMap<>();
    for (WebElement td : driver.findElements(By.cssSelector("#chargeback-table tbody tr[data-group] td[data-scenario]"))) {
      String group = td.findElement(By.xpath("..")).getAttribute("data-group");
      page.put(group + "/" + td.getAttribute("data-scenario"), new BigDecimal(td.getText().replace(",", "")).setScale(2));
    }
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    api.get("breakdown").forEach(g -> g.get("totals").fields().forEachRemaining(
        e -> expected.put(g.get("group").asText() + "/" + e.getKey(), e.getValue().decimalValue().setScale(2))));
    assertThat(page).isEqualTo(expected).isNotEmpty();
    assertThat(page.keySet()).anyMatch(k -> k.startsWith(UsageFiles.XSS_USER + "/"));
    Object stacked =
        ((JavascriptExecutor) driver).executeScript(
            "const c = Chart.getChart(document.getElementById('chargeback-chart'));"
                + " return !!c && c.options.scales.y.stacked === true && c.options.scales.x.stacked === true"
                + " ? c.data.datasets.length : -1;");
    assertThat(((Number) stacked).intValue()).isEqualTo(api.get("breakdown").size());
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    screenshot("page-chargeback.png");
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void anUploadedFileIsAnalysedLikeTheApiDoes() throws Exception {
    Path usage =
        UsageFiles.sessions(
            tmp.resolve("upload.csv"), 30, LocalDate.of(2025, 1, 1), 60, 3, List.of(UsageFiles.XSS_USER));
    driver.get(server.base() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.findElement(By.id("usage")).sendKeys(usage.toAbsolutePath().toString());
    driver.findElement(By.id("analyse")).click();
    waitForResults(wait);
    HttpResponse<String> api =
        server.post("/api/comparisons?zone=UTC", new Multipart().file("usage", usage));
    assertThat(pageTotals()).isEqualTo(apiTotals(TestServer.json(api)));
    assertChartsDrawn();
    // the upload was stored once and each analysis ran as a job whose progress the page showed
    List<String> progress =
        driver.findElements(By.cssSelector("#progress li")).stream().map(WebElement::getText).toList();
    assertThat(progress).hasSize(5);
    assertThat(progress.subList(0, 4))
        .allSatisfy(t -> assertThat(t).containsPattern("^(comparisons|concurrency|forecasts|reviews): done in "));
    // sessions alone hold no charges: the reconciliation says it cannot run, in its own section
    assertThat(progress.get(4)).isEqualTo("reconciliations: not possible on this data");
    assertThat(driver.findElement(By.id("reconciliation-status")).getText())
        .startsWith("No reconciliation: ")
        .contains("Token Usage export");
    assertThat(driver.findElements(By.cssSelector("#reconciliation-table tbody tr"))).isEmpty();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    screenshot("page-upload.png");
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void theReconciliationIsATableOfTheApisDifferencesWithHostileNamesAsText() throws Exception {
    // ann's AutoCAD Mon 08:00 to Tue 17:00 replays as 2 windows (14 tokens); Flex charged her
    // Monday only (7), and 7 to a user with a hostile name who used nothing
    Path charged = tmp.resolve("token-usage.csv");
    Files.writeString(
        charged,
        "Day used,Email,First name,Last name,Product,Feature,Team,Tokens used\n"
            + "2024-03-04,ann@x.com,Ann,A,AutoCAD,,Design,7\n"
            + "2024-03-04," + UsageFiles.XSS_USER + ",Dan,D,AutoCAD,,Design,7\n");
    Path sessions = tmp.resolve("ann.csv");
    Files.writeString(
        sessions, "user,product,start,end\nann@x.com,ACD,2024-03-04T08:00:00Z,2024-03-05T17:00:00Z\n");
    driver.get(server.base() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.findElement(By.id("usage"))
        .sendKeys(charged.toAbsolutePath() + "\n" + sessions.toAbsolutePath());
    driver.findElement(By.id("analyse")).click();
    waitForResults(wait);

    JsonNode api =
        TestServer.json(
            server.post(
                "/api/reconciliations?zone=UTC",
                new Multipart().file("usage", charged).file("usage", sessions)));
    List<List<String>> expected = new java.util.ArrayList<>();
    api.get("differences")
        .forEach(
            d ->
                expected.add(
                    List.of(
                        d.path("day").asText(),
                        d.path("user").asText(),
                        d.path("product").asText(),
                        d.path("charged").asText(),
                        d.path("replayed").asText(),
                        (d.get("difference").asLong() > 0 ? "+" : "") + d.get("difference").asText(),
                        d.path("kind").asText(),
                        d.path("rule").asText())));
    List<List<String>> page = new java.util.ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#reconciliation-table tbody tr"))) {
      List<String> cells =
          row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      page.add(cells.subList(0, 8));
    }
    assertThat(page).isEqualTo(expected).hasSize(2);
    assertThat(page).extracting(r -> r.get(1)).contains(UsageFiles.XSS_USER);
    assertThat(driver.findElement(By.id("reconciliation-status")).getText())
        .startsWith("Charged 14 tokens, replayed 14, difference 0");
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    screenshot("page-reconciliation.png");
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void aStatusOutputsRowsInLicenceUnitsAreMarkedSo() throws Exception {
    // an LM-X snapshot (made up for this test) of one check-out of 25,000 units, beside sessions
    // of a catalog product so that the comparison runs: the HyperWorks row counts units, and says
    // so; AutoCAD's counts sessions
    Path status = tmp.resolve("lmx.txt");
    Files.writeString(
        status,
        "2024-03-04T12:00:00Z\n"
            + "LM-X License Server on 6200@lic:\n"
            + "----------------------------------------\n"
            + "Feature: HyperWorks Version: 21.0 Vendor: ALTAIR\n"
            + "25000 of 1000003 license(s) used:\n"
            + "\n"
            + "25000 license(s) used by ann@host [10.0.0.1]\n"
            + "Login time: 2024-03-04 09:26   Checkout time: 2024-03-04 09:26\n"
            + "----------------------------------------\n");
    Path sessions = tmp.resolve("acd.csv");
    Files.writeString(
        sessions, "user,product,start,end\nann,ACD,2024-03-04T08:00:00Z,2024-03-04T17:00:00Z\n");
    driver.get(server.base() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.findElement(By.id("usage"))
        .sendKeys(status.toAbsolutePath() + "\n" + sessions.toAbsolutePath());
    driver.findElement(By.id("analyse")).click();
    waitForResults(wait);

    List<List<String>> rows = new java.util.ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#concurrency-table tbody tr"))) {
      rows.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
    }
    assertThat(rows)
        .anySatisfy(r -> assertThat(r).startsWith("HyperWorks (unmapped feature) (in units)", "25000"))
        .anySatisfy(r -> assertThat(r.get(0)).isEqualTo("ACD"));
    assertThat(server.leftovers()).isEmpty();
  }

  private static void waitForResults(WebDriverWait wait) {
    wait.until(
        d -> {
          String ready = d.findElement(By.tagName("body")).getAttribute("data-ready");
          if ("error".equals(ready)) {
            throw new AssertionError("page shows a problem: " + d.findElement(By.id("problem")).getText());
          }
          return "true".equals(ready);
        });
  }

  private static void assertChartsDrawn() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    for (String id : List.of("totals-chart", "breakeven-chart", "concurrency-chart")) {
      Object drawn =
          js.executeScript(
              "const c = window.Chart && Chart.getChart(document.getElementById(arguments[0]));"
                  + " return !!c && c.data.datasets.length > 0;",
              id);
      assertThat(drawn).as(id).isEqualTo(Boolean.TRUE);
    }
    assertThat(driver.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(7);
    assertThat(driver.findElement(By.id("forecast-status")).getText()).isNotBlank();
    assertThat(driver.findElement(By.id("review-status")).getText()).isNotBlank();
  }

  private static Map<String, BigDecimal> pageTotals() {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (WebElement row : driver.findElements(By.cssSelector("#totals-table tbody tr"))) {
      String name = row.findElement(By.cssSelector("td")).getText();
      String shown = row.findElement(By.cssSelector("td.total")).getText().replace(",", "");
      totals.put(name, new BigDecimal(shown).setScale(2));
    }
    return totals;
  }

  private static Map<String, BigDecimal> apiTotals(JsonNode comparison) {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    comparison.get("scenarios").forEach(s -> totals.put(s.get("name").asText(), s.get("total").decimalValue().setScale(2)));
    return totals;
  }

  private static void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
