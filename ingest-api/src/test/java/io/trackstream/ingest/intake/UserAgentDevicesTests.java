package io.trackstream.ingest.intake;

import io.trackstream.model.Device;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Device classes inferred from real user agents. */
class UserAgentDevicesTests {

    private static final UserAgentDevices DEVICES = new UserAgentDevices(10_000);

    @Test
    void recognisesADesktopBrowser() {
        Device device = DEVICES.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");

        // Windows 10 and 11 both send "Windows NT 10.0", so Yauaa names no version it cannot know.
        assertThat(device).isEqualTo(new Device("desktop", "Windows NT", "Chrome 120"));
    }

    @Test
    void recognisesATablet() {
        Device device = DEVICES.parse("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1");

        assertThat(device.type()).isEqualTo("tablet");
    }

    @Test
    void recognisesAPhoneAndATv() {
        assertThat(DEVICES.parse("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Mobile Safari/537.36").type()).isEqualTo("mobile");
        assertThat(DEVICES.parse("Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36").type()).isEqualTo("tv");
    }

    @Test
    void recognisesACrawler() {
        assertThat(DEVICES.parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").type())
                .isEqualTo("bot");
    }

    @Test
    void inventsNothingForAnUnknownAgent() {
        assertThat(DEVICES.parse("x")).isNull();
    }
}
