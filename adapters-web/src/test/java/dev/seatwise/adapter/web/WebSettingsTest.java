package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each {@code withX} changes its component only, and is checked as any settings are. */
class WebSettingsTest {
  private static final String TOKEN = "0123456789abcdef0123";
  private final WebSettings base = WebSettings.loopback(8080, Path.of("/tmp/up"));

  @Test
  void eachWithChangesItsComponentOnly() {
    assertThat(base.withToken(" " + TOKEN + " ")).isEqualTo(new WebSettings(base.host(), 8080,
        Optional.of(TOKEN), base.maxUploadBytes(), base.requestTimeout(), base.workers(), base.queue(),
        base.uploadRoot(), Optional.empty(), base.dataMaxBytes(), base.datasetsInMemory(),
        base.maxAnalysesPerClient()));
    assertThat(base.withToken(TOKEN).withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
    assertThat(base.withMaxUploadBytes(7)).isEqualTo(copy(base, 7, base.requestTimeout()));
    assertThat(base.withRequestTimeout(Duration.ofSeconds(3)))
        .isEqualTo(copy(base, base.maxUploadBytes(), Duration.ofSeconds(3)));
    assertThat(base.withDataDir(Path.of("/tmp/data")).dataDir()).contains(Path.of("/tmp/data"));
    assertThat(base.withDataMaxBytes(9).dataMaxBytes()).isEqualTo(9);
    assertThat(base.withWorkers(3).workers()).isEqualTo(3);
    assertThat(base.withQueue(0).queue()).isZero();
    assertThat(base.withMaxAnalysesPerClient(2).maxAnalysesPerClient()).isEqualTo(2);
    WebSettings all = base.withDataDir(Path.of("/d")).withDataMaxBytes(9).withWorkers(3).withQueue(0)
        .withMaxAnalysesPerClient(2);
    assertThat(all).isEqualTo(new WebSettings(base.host(), 8080, Optional.empty(),
        base.maxUploadBytes(), base.requestTimeout(), 3, 0, base.uploadRoot(), Optional.of(Path.of("/d")),
        9, base.datasetsInMemory(), 2));
  }

  @Test
  void eachWithIsCheckedAtOnce() {
    assertThatThrownBy(() -> base.withHost("0.0.0.0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an API token");
    assertThatThrownBy(() -> base.withToken("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withMaxUploadBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withRequestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withWorkers(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withQueue(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withDataMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withMaxAnalysesPerClient(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withRequestTimeout(null)).isInstanceOf(NullPointerException.class);
  }

  private static WebSettings copy(WebSettings s, long maxUploadBytes, Duration timeout) {
    return new WebSettings(s.host(), s.port(), s.token(), maxUploadBytes, timeout, s.workers(),
        s.queue(), s.uploadRoot(), s.dataDir(), s.dataMaxBytes(), s.datasetsInMemory(),
        s.maxAnalysesPerClient());
  }
}
