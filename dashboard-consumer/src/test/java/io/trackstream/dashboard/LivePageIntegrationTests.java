package io.trackstream.dashboard;

import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.trackstream.dashboard.DashboardTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live page in headless Chromium against the real service on the real stack, with the real
 * storage-consumer (its built jar) behind the user lookup: a person opens the page, traffic
 * arrives, the tiles and charts show it, the type filter narrows the feed, and a user's history
 * appears. Saves a screenshot as target/live-page.png.
 */
@LocalStackTest
@SpringBootTest(classes = DashboardConsumerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a fresh state directory per run: the stack (and so every topic) is new in each test JVM
        properties = "spring.kafka.streams.state-dir=target/streams-state/${random.uuid}")
class LivePageIntegrationTests {

    static int storagePort;
    static JvmProcess storage;
    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void historyApi(DynamicPropertyRegistry registry) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            storagePort = socket.getLocalPort();
        }
        registry.add("trackstream.dashboard.history-base-url", () -> "http://127.0.0.1:" + storagePort);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile"));
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (storage != null) {
            storage.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void showsTheTrafficInTilesChartsFeedAndAUsersHistory() throws Exception {
        // storage-consumer allows this page's origin, as its trackstream.cors setting says
        storage = new ServiceLauncher(LocalStackExtension.stack(), Path.of("target/services"))
                .start("storage-consumer", ReactorJars.jar("storage-consumer"), "384m", storagePort,
                        List.of("--trackstream.cors.allowed-origins=http://127.0.0.1:" + port))
                .orElseThrow(() -> new IllegalStateException("build storage-consumer first: mvn -B -ntp -DskipTests package"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String buyer = "buyer-" + run;

        browser.get("http://127.0.0.1:" + port + "/");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(browser.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("live"));

        DashboardTestSupport.send(traffic(run, buyer));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(number("tile-active-users")).isGreaterThanOrEqualTo(40);
            assertThat(browser.findElement(By.id("tile-revenue")).getText()).contains("USD");
            assertThat(browser.findElement(By.id("tile-conversion")).getText()).doesNotStartWith("0.00");
            assertThat(browser.findElement(By.id("top-pages")).getText()).contains("/shop/" + run);
            assertThat(browser.findElement(By.id("top-products")).getText()).contains("Lamp " + run);
            assertThat(chartTotal("chart-timeline")).isPositive();
            assertThat(chartTotal("chart-types")).isPositive();
            assertThat(chartTotal("chart-devices")).isPositive();
            assertThat(browser.findElements(By.cssSelector("#feed tr"))).hasSizeGreaterThan(5);
        });

        // The feed carries the newest events only (at most 10 every 200 ms), so the burst above
        // shows in it only in part: a few more, sent together, all reach it.
        List<UserActivityEvent> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            more.add(event("\"event_id\":\"%s-m%d\",\"user_id\":\"late-%s-%d\",\"event_type\":\"purchase\",\"timestamp\":\"%s\",\"properties\":{\"cart_value\":5.00}"
                    .formatted(run, i, run, i, Instant.now())));
            more.add(event("\"event_id\":\"%s-v%d\",\"user_id\":\"late-%s-%d\",\"event_type\":\"page_view\",\"timestamp\":\"%s\",\"page_url\":\"/shop/%s\""
                    .formatted(run, i, run, i, Instant.now(), run)));
        }
        DashboardTestSupport.send(more);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#feed tr[data-type=purchase]"))).isNotEmpty());
        new Select(browser.findElement(By.id("feed-filter"))).selectByValue("purchase");
        List<WebElement> rows = browser.findElements(By.cssSelector("#feed tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-type")).isEqualTo("purchase"));

        browser.findElement(By.id("lookup-user")).sendKeys(buyer);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.findElement(By.cssSelector("#lookup-form button")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> !browser.findElement(By.id("lookup-status")).getText().startsWith("loading"));
            assertThat(browser.findElement(By.id("lookup-status")).getText()).startsWith("4 latest event(s) of user " + buyer);
        });
        assertThat(browser.findElement(By.id("lookup-events")).getText()).contains("purchase").contains("page_view");

        new Select(browser.findElement(By.id("feed-filter"))).selectByValue("");
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target/live-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Some minutes of a small shop: 60 users over the last 4 minutes, then a buyer's visit now. */
    private static List<UserActivityEvent> traffic(String run, String buyer) {
        Instant now = Instant.now();
        String[] devices = {"mobile", "desktop", "tablet"};
        String[] countries = {"US", "DE", "FR", "GB", "BR"};
        List<UserActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String user = "shopper-" + run + "-" + (i % 60);
            Instant at = now.minusMillis(400L * (600 - i));
            String common = "\"event_id\":\"%s-%d\",\"user_id\":\"%s\",\"timestamp\":\"%s\",\"device\":{\"type\":\"%s\"},\"location\":{\"country\":\"%s\"}"
                    .formatted(run, i, user, at, devices[i % 3], countries[i % 5]);
            events.add(event(common + switch (i % 6) {
                case 0, 1, 2 -> ",\"event_type\":\"page_view\",\"page_url\":\"https://shop.example/shop/" + run + "/" + (i % 7) + "?ref=ad\"";
                case 3 -> ",\"event_type\":\"click\",\"properties\":{\"product_id\":\"sku-" + (i / 6 % 4) + "\",\"product_name\":\"Lamp "
                        + run + " " + (i / 6 % 4) + "\",\"price\":25.00,\"currency\":\"USD\"}";
                case 4 -> ",\"event_type\":\"search\",\"properties\":{\"search_query\":\"lamp\"}";
                default -> i % 24 == 5 ? ",\"event_type\":\"purchase\",\"properties\":{\"cart_value\":49.90,\"currency\":\"USD\"}"
                        : ",\"event_type\":\"add_to_cart\",\"properties\":{\"product_id\":\"sku-1\",\"cart_value\":25.00,\"currency\":\"USD\"}";
            }));
        }
        events.add(event("\"event_id\":\"%s-b1\",\"user_id\":\"%s\",\"event_type\":\"login\",\"timestamp\":\"%s\"".formatted(run, buyer, now.minusSeconds(3))));
        events.add(event("\"event_id\":\"%s-b2\",\"user_id\":\"%s\",\"event_type\":\"page_view\",\"timestamp\":\"%s\",\"page_url\":\"/shop/%s/lamp\""
                .formatted(run, buyer, now.minusSeconds(2), run)));
        events.add(event("\"event_id\":\"%s-b3\",\"user_id\":\"%s\",\"event_type\":\"add_to_cart\",\"timestamp\":\"%s\",\"properties\":{\"product_id\":\"sku-1\",\"cart_value\":25.00}"
                .formatted(run, buyer, now.minusSeconds(1))));
        events.add(event("\"event_id\":\"%s-b4\",\"user_id\":\"%s\",\"event_type\":\"purchase\",\"timestamp\":\"%s\",\"properties\":{\"cart_value\":25.00,\"currency\":\"USD\"}"
                .formatted(run, buyer, now)));
        return events;
    }

    private long number(String id) {
        String text = browser.findElement(By.id(id)).getText().trim();
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    private double chartTotal(String canvasId) {
        Object total = browser.executeScript("""
                const chart = Chart.getChart(arguments[0]);
                return chart.data.datasets.flatMap(d => d.data).reduce((a, b) => a + Number(b), 0);""", canvasId);
        return ((Number) total).doubleValue();
    }
}
