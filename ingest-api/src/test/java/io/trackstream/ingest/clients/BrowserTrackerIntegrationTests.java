package io.trackstream.ingest.clients;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.ingest.Http;
import io.trackstream.ingest.IngestIntegrationTest;
import io.trackstream.ingest.TopicReader;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.stack.KafkaNode;
import io.trackstream.stack.LocalStackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * trackstream.js in headless Chromium (Debian's chromium and chromedriver, nothing downloaded), on
 * a page of another origin than ingest-api, so every request is a real cross-origin one: page views
 * and data-track clicks arrive, a navigation away delivers the last events by beacon, and events
 * tracked while ingest-api answers 503 arrive once it recovers, each once. The events are checked on
 * the topic user-activities (storage-consumer, which turns them into a user's history, is built after
 * this module, and ingest-api does not depend on it).
 */
@IngestIntegrationTest
class BrowserTrackerIntegrationTests {

    private static final EventCodec CODEC = EventCodec.create();
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private static DemoSite site;
    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @BeforeAll
    static void startBrowser() throws Exception {
        RealClients.ensureTools();
        profile = Files.createTempDirectory("trackstream-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    /** Opens the shop page as a new visitor and gives the visitor's anonymous id. */
    private String openShopAsNewVisitor(long flushMillis) throws Exception {
        if (site == null) {
            site = DemoSite.start("http://127.0.0.1:" + port, Http.API_KEY);
        }
        browser.get(site.origin() + "/shop?fresh=1&flush=" + flushMillis);
        Object id = browser.executeScript("return localStorage.getItem('trackstream.anonymous_id')");
        assertThat(id).asString().startsWith("anon-");
        return (String) id;
    }

    private static List<UserActivityEvent> eventsOf(String userId) {
        return TopicReader.readUsers(LocalStackExtension.stack().kafkaBootstrapServers(), Set.of(userId)).stream()
                .map(record -> CODEC.decodeRecord(record.value()).event()).toList();
    }

    /** The data-track value of a click. */
    private static String element(UserActivityEvent event) {
        return event.properties() == null || event.properties().extra() == null ? null
                : CODEC.mapper().readTree(event.properties().extra()).path("element").asString();
    }

    @Test
    void pageViewsAndDataTrackClicksArriveFromAnotherOrigin() throws Exception {
        String visitor = openShopAsNewVisitor(500);
        browser.findElement(By.id("buy")).click();
        browser.findElement(By.id("cart")).click();

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(eventsOf(visitor)).hasSize(3));
        List<UserActivityEvent> events = eventsOf(visitor);
        assertThat(events).extracting(UserActivityEvent::eventType)
                .containsExactlyInAnyOrder("page_view", "click", "page_view");
        assertThat(events).extracting(UserActivityEvent::pageUrl)
                .contains(site.origin() + "/shop?fresh=1&flush=500", site.origin() + "/shop/cart");
        assertThat(events.stream().filter(e -> e.eventType().equals("click"))).singleElement()
                .satisfies(click -> assertThat(element(click)).isEqualTo("buy-button"));
        UserActivityEvent cartView = events.stream().filter(e -> site.origin().concat("/shop/cart").equals(e.pageUrl()))
                .findFirst().orElseThrow();
        assertThat(cartView.referrer()).startsWith(site.origin() + "/shop?");
        assertThat(events).extracting(UserActivityEvent::eventId).doesNotHaveDuplicates();
        assertThat(events).extracting(UserActivityEvent::sessionId).containsOnly(events.get(0).sessionId()).doesNotContainNull();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.userAgent()).contains("Chrome");
            assertThat(event.device().browser()).isNotBlank();
            assertThat(event.sentAt()).isNotNull();
        });
    }

    @Test
    void identifySwitchesTheUserAndASessionRenewsAfterThirtyMinutesOfInactivity() throws Exception {
        String visitor = openShopAsNewVisitor(500);
        String user = "browser-user-" + UUID.randomUUID();
        browser.executeScript("trackstream.identify(arguments[0]); trackstream.track('signup', {plan: 'pro'});", user);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(eventsOf(user)).hasSize(2));
        String session = eventsOf(visitor).get(0).sessionId();

        // The last activity 31 minutes ago: the next event starts a new session.
        browser.executeScript("var s = localStorage.getItem('trackstream.session').split('|');"
                + "localStorage.setItem('trackstream.session', s[0] + '|' + (Date.now() - 31 * 60 * 1000));"
                + "trackstream.track('signup_confirmed');");

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(eventsOf(user)).hasSize(3));
        List<UserActivityEvent> events = eventsOf(user);
        UserActivityEvent identify = events.stream().filter(e -> e.eventType().equals("identify")).findFirst().orElseThrow();
        assertThat(CODEC.mapper().readTree(identify.properties().extra()).path("anonymous_id").asString()).isEqualTo(visitor);
        assertThat(events.stream().filter(e -> e.eventType().equals("signup"))).singleElement()
                .satisfies(signup -> assertThat(signup.sessionId()).isEqualTo(session));
        assertThat(events.stream().filter(e -> e.eventType().equals("signup_confirmed"))).singleElement()
                .satisfies(confirmed -> assertThat(confirmed.sessionId()).isNotEqualTo(session).isNotBlank());
    }

    @Test
    void aNavigationAwayDeliversTheLastEventsByBeacon() throws Exception {
        // A flush interval of ten minutes: only the pagehide beacon can deliver within the test.
        String visitor = openShopAsNewVisitor(600_000);
        browser.findElement(By.id("leave")).click();

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(eventsOf(visitor))
                .extracting(UserActivityEvent::eventType).containsExactlyInAnyOrder("page_view", "click"));
        assertThat(eventsOf(visitor).stream().filter(e -> e.eventType().equals("click"))).singleElement()
                .satisfies(click -> assertThat(element(click)).isEqualTo("leave-link"));
        assertThat(browser.getTitle()).isEqualTo("Bye");
    }

    @Test
    void eventsTrackedWhileIngestAnswers503ArriveAfterwardsEachOnce() throws Exception {
        KafkaNode kafka = LocalStackExtension.stack().kafka().orElseThrow();
        String visitor = openShopAsNewVisitor(500);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(eventsOf(visitor)).hasSize(1));
        double failedBefore = failedEvents();

        kafka.stop();
        try {
            for (int i = 0; i < 3; i++) {
                browser.findElement(By.id("buy")).click();
            }
            // ingest-api answers 503 + Retry-After: Kafka cannot take the events.
            await().atMost(Duration.ofSeconds(30)).until(() -> failedEvents() >= failedBefore + 3);
        } finally {
            kafka.start(Duration.ofSeconds(90));
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(eventsOf(visitor))
                .extracting(UserActivityEvent::eventType).filteredOn("click"::equals).hasSizeGreaterThanOrEqualTo(3));
        List<UserActivityEvent> events = eventsOf(visitor);
        assertThat(events).extracting(UserActivityEvent::eventType).containsExactlyInAnyOrder("page_view", "click", "click", "click");
        assertThat(events).extracting(UserActivityEvent::eventId).doesNotHaveDuplicates();
    }

    private double failedEvents() {
        return registry.find("trackstream.ingest.events").tag("result", "failed").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
