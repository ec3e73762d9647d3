package io.trackstream.fraud.detect;

import io.trackstream.fraud.rules.Rule;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule at its boundaries, in a TopologyTestDriver with the service's grace (2 min): HIGH_VALUE
 * is judged as each event arrives; the order-dependent rules once stream time passes an event by the
 * grace, or once the partition has been idle.
 */
class FraudTopologyTests {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration IDLE_FLUSH = Duration.ofSeconds(5);

    private final EventCodec codec = EventCodec.create();
    private final EventRecords records = new EventRecords(codec);
    private final AtomicInteger ids = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestInputTopic<String, String> rulesTopic;
    private TestOutputTopic<String, FraudAlert> output;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private final List<FraudAlert> alerts = new ArrayList<>();

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        FraudTopology.build(builder, Duration.ofHours(1), GRACE, IDLE_FLUSH, DetectorMetrics.NONE);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "fraud-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.USER_ACTIVITIES_DLT);
        driver = new TopologyTestDriver(builder.build(), config, T0);
        input = driver.createInputTopic(Topics.USER_ACTIVITIES, new StringSerializer(), new ByteArraySerializer());
        rulesTopic = driver.createInputTopic(Topics.FRAUD_RULES, new StringSerializer(), new StringSerializer());
        output = driver.createOutputTopic(Topics.FRAUD_ALERTS, new StringDeserializer(), new AlertSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.USER_ACTIVITIES_DLT, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    // ---- HIGH_VALUE

    @Test
    void aPurchaseOf499_99RaisesNoHighValueAlertAnd500_00RaisesOne() {
        send(purchase("u-low", T0, "499.99"));
        send(purchase("u-high", T0.plusSeconds(1), "500.00"));

        assertThat(alerts(Rule.HIGH_VALUE)).extracting(FraudAlert::userId).containsExactly("u-high");
        assertThat(alerts(Rule.HIGH_VALUE).get(0).details()).containsEntry("threshold", "500.00");
    }

    @Test
    void aPurchaseWithoutCartValueIsWorthPriceTimesQuantity() {
        send(event("u-1", "purchase", T0, """
                "properties":{"price":250.00,"quantity":2,"currency":"EUR"}"""));

        assertThat(alerts(Rule.HIGH_VALUE)).singleElement()
                .satisfies(a -> assertThat(a.details()).containsEntry("amount", java.util.Map.of("EUR", "500.00")));
    }

    @Test
    void aHighValueAlertIsOutputAsSoonAsItsPurchaseIsPipedInWithoutStreamTimeOrTheWallClockMoving() {
        UserActivityEvent big = purchase("u-now", T0, "900.00");
        pipe(big);

        // read straight away: no idle flush, no later event, so the order-dependent rules have judged nothing yet
        assertThat(output.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(Rule.HIGH_VALUE.name());
            assertThat(a.alertId()).isEqualTo(FraudAlert.idFor("HIGH_VALUE", "u-now", big.eventId()));
            assertThat(a.eventIds()).containsExactly(big.eventId());
            assertThat(a.detectedAt()).isEqualTo(T0);
        });
        assertThat(alerts()).extracting(FraudAlert::rule).doesNotContain(Rule.HIGH_VALUE.name());
    }

    @Test
    void aPurchaseLaterThanTheGraceIsStillJudgedByHighValueOnceButNotByTheOrderedRules() {
        pipe(pageView("u-clock", T0.plus(Duration.ofMinutes(10)), "1.1.1.1", "US", "New York"));
        UserActivityEvent late = purchase("u-late", T0, "900.00");
        pipe(late);
        pipe(late);

        assertThat(output.readValuesToList()).extracting(FraudAlert::rule).containsExactly(Rule.HIGH_VALUE.name());
        // a purchase without earlier activity would raise PURCHASE_WITHOUT_ACTIVITY, had it been judged in order
        assertThat(alerts()).filteredOn(a -> a.userId().equals("u-late")).isEmpty();
    }

    @Test
    void aDisabledHighValueRuleRaisesNothingOnArrivalNorLater() {
        rulesTopic.pipeInput(Rule.HIGH_VALUE.name(), "{\"enabled\":false,\"params\":{}}", T0);
        pipe(purchase("u-1", T0, "900.00"));
        pipe(pageView("u-clock", T0.plus(Duration.ofMinutes(10)), "1.1.1.1", "US", "New York"));
        pipe(purchase("u-late", T0, "900.00"));

        assertThat(alerts(Rule.HIGH_VALUE)).isEmpty();
    }

    @Test
    void aHighValueThresholdChangeAppliesToTheNextPurchaseOnArrival() {
        pipe(purchase("u-1", T0, "600.00"));
        assertThat(output.readValuesToList()).extracting(FraudAlert::userId).containsExactly("u-1");

        rulesTopic.pipeInput(Rule.HIGH_VALUE.name(), "{\"enabled\":true,\"params\":{\"amount\":\"750.00\"}}", T0);
        pipe(purchase("u-2", T0.plusSeconds(1), "600.00"));
        assertThat(output.readValuesToList()).isEmpty();
        pipe(purchase("u-3", T0.plusSeconds(2), "750.00"));
        assertThat(output.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("u-3");
            assertThat(a.details()).containsEntry("threshold", "750.00");
        });
    }

    @Test
    void anAddToCartWorth900NeverCounts() {
        send(event("u-1", "add_to_cart", T0, """
                "properties":{"price":900.00,"cart_value":900.00,"currency":"USD"}"""));

        assertThat(alerts()).isEmpty();
    }

    // ---- HIGH_VELOCITY

    @Test
    void fivePurchasesWithin40SecondsRaiseExactlyOneAlertAtTheFifthAndNoneForTheRestOfTheBurst() {
        List<UserActivityEvent> burst = new ArrayList<>();
        for (int s : new int[]{0, 10, 20, 30, 40, 45, 50, 55}) {
            burst.add(purchase("u-1", T0.plusSeconds(s), "10.00"));
        }
        burst.forEach(this::send);

        assertThat(alerts(Rule.HIGH_VELOCITY)).singleElement().satisfies(a -> {
            assertThat(a.eventIds()).hasSize(5).endsWith(burst.get(4).eventId());
            assertThat(a.alertId()).isEqualTo(FraudAlert.idFor("HIGH_VELOCITY", "u-1", burst.get(4).eventId()));
            assertThat(a.eventTime()).isEqualTo(T0.plusSeconds(40));
        });
    }

    @Test
    void fivePurchasesTwentySecondsApartRaiseNoVelocityAlert() {
        for (int s : new int[]{0, 20, 40, 60, 80}) {
            send(purchase("u-1", T0.plusSeconds(s), "10.00"));
        }

        assertThat(alerts(Rule.HIGH_VELOCITY)).isEmpty();
    }

    @Test
    void fiveUsersWithOnePurchaseEachRaiseNoVelocityAlert() {
        for (int u = 0; u < 5; u++) {
            send(purchase("u-" + u, T0.plusSeconds(u), "10.00"));
        }

        assertThat(alerts(Rule.HIGH_VELOCITY)).isEmpty();
    }

    @Test
    void aSecondBurstAfterAPauseIsANewEpisode() {
        for (int s : new int[]{0, 5, 10, 15, 20, 200, 205, 210, 215, 220}) {
            send(purchase("u-1", T0.plusSeconds(s), "10.00"));
        }

        assertThat(alerts(Rule.HIGH_VELOCITY)).extracting(FraudAlert::eventTime)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(220));
    }

    @Test
    void judgesEventsThatArriveOutOfOrderWithinTheGraceInEventTimeOrder() {
        List<UserActivityEvent> burst = new ArrayList<>();
        for (int s : new int[]{40, 0, 30, 10, 20}) {
            burst.add(purchase("u-1", T0.plusSeconds(s), "10.00"));
        }
        burst.forEach(this::pipe);

        assertThat(alerts(Rule.HIGH_VELOCITY)).singleElement()
                .satisfies(a -> assertThat(a.eventIds()).last().isEqualTo(burst.get(0).eventId()));
    }

    @Test
    void anEventLaterThanTheGraceIsNotJudgedByTheOrderDependentRules() {
        pipe(pageView("u-clock", T0.plus(Duration.ofMinutes(10)), "1.1.1.1", "US", "New York"));
        pipe(pageView("u-clock", T0.plus(Duration.ofMinutes(10)).plusSeconds(1), "1.1.1.2", "US", "New York"));
        pipe(pageView("u-clock", T0, "1.1.1.3", "US", "New York"));

        assertThat(alerts(Rule.MULTIPLE_IPS)).isEmpty();
    }

    @Test
    void anEventWithinTheGraceStampedBeforeAnIdleReleaseIsStillJudged() {
        // the idle release judges everything up to stream time, past the grace's bound ...
        send(pageView("u-ips", T0.plus(Duration.ofMinutes(10)), "1.1.1.1", "US", "New York"));
        // ... and an event stamped before that, still within the grace, must wait and be judged all the same
        send(pageView("u-ips", T0.plus(Duration.ofMinutes(9)), "1.1.1.2", "US", "New York"));
        send(pageView("u-ips", T0.plus(Duration.ofMinutes(10)).plusSeconds(1), "1.1.1.3", "US", "New York"));

        assertThat(alerts(Rule.MULTIPLE_IPS)).hasSize(1);
    }

    @Test
    void anEventTooLateToBeJudgedStillCountsAsActivityOfItsSession() {
        pipe(event("u-1", "page_view", T0.plus(Duration.ofMinutes(10)), "\"session_id\":\"s-1\""));
        pipe(event("u-1", "search", T0, "\"session_id\":\"s-1\""));
        pipe(event("u-1", "add_to_cart", T0.plus(Duration.ofMinutes(10)).plusSeconds(1), "\"session_id\":\"s-1\""));
        pipe(purchase("u-1", T0.plus(Duration.ofMinutes(10)).plusSeconds(2), "20.00", "s-1"));

        assertThat(alerts(Rule.PURCHASE_WITHOUT_ACTIVITY)).isEmpty();
    }

    @Test
    void aPurchaseStampedBeforeBrowsingThatArrivedEarlierStillHasThatActivity() {
        pipe(event("u-skew", "page_view", T0.plusSeconds(30), "\"session_id\":\"s-1\""));
        pipe(event("u-skew", "search", T0.plusSeconds(40), "\"session_id\":\"s-1\""));
        pipe(event("u-skew", "add_to_cart", T0.plusSeconds(50), "\"session_id\":\"s-1\""));
        pipe(purchase("u-skew", T0, "20.00", "s-1"));
        pipe(purchase("u-blind", T0, "20.00", "s-2"));
        pipe(event("u-blind", "page_view", T0.plusSeconds(10), "\"session_id\":\"s-2\""));
        pipe(event("u-blind", "search", T0.plusSeconds(20), "\"session_id\":\"s-2\""));
        pipe(event("u-blind", "add_to_cart", T0.plusSeconds(30), "\"session_id\":\"s-2\""));

        assertThat(alerts(Rule.PURCHASE_WITHOUT_ACTIVITY)).extracting(FraudAlert::userId).containsExactly("u-blind");
    }

    @Test
    void forgetsAUserIdleForADay() {
        pipe(event("u-idle", "page_view", T0, "\"session_id\":\"s-1\""));
        pipe(event("u-busy", "page_view", T0.plus(Duration.ofHours(25)), "\"session_id\":\"s-2\""));
        idle();

        assertThat(driver.<String, byte[]>getKeyValueStore(FraudTopology.USER_STATE_STORE).get("u-idle")).isNull();
        assertThat(driver.<String, byte[]>getKeyValueStore(FraudTopology.USER_STATE_STORE).get("u-busy")).isNotNull();
    }

    // ---- page views

    @Test
    void pageViewsNeverAlert() {
        for (int i = 0; i < 30; i++) {
            send(pageView("u-1", T0.plusSeconds(i), "10.0.0.1", "US", "New York"));
        }

        assertThat(alerts()).isEmpty();
    }

    // ---- MULTIPLE_IPS

    @Test
    void threeIpsWithinAnHourAlertOnceAndTwoDoNot() {
        send(pageView("u-two", T0, "10.0.0.1", "US", "New York"));
        send(pageView("u-two", T0.plusSeconds(60), "10.0.0.2", "US", "New York"));
        send(pageView("u-three", T0, "10.0.0.1", "US", "New York"));
        send(pageView("u-three", T0.plusSeconds(60), "10.0.0.2", "US", "New York"));
        send(pageView("u-three", T0.plusSeconds(120), "10.0.0.3", "US", "New York"));
        send(pageView("u-three", T0.plusSeconds(180), "10.0.0.4", "US", "New York"));

        assertThat(alerts(Rule.MULTIPLE_IPS)).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("u-three");
            assertThat(a.details().get("ips")).isEqualTo(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"));
        });
    }

    @Test
    void threeIpsMoreThanAnHourApartDoNotAlert() {
        send(pageView("u-1", T0, "10.0.0.1", "US", "New York"));
        send(pageView("u-1", T0.plus(Duration.ofMinutes(31)), "10.0.0.2", "US", "New York"));
        send(pageView("u-1", T0.plus(Duration.ofMinutes(62)), "10.0.0.3", "US", "New York"));

        assertThat(alerts(Rule.MULTIPLE_IPS)).isEmpty();
    }

    // ---- RAPID_LOCATION_CHANGE and IMPOSSIBLE_TRAVEL

    @Test
    void usThenGbTwoMinutesLaterIsARapidLocationChangeAndFifteenMinutesLaterIsNot() {
        send(pageView("u-fast", T0, "10.0.0.1", "US", null));
        send(pageView("u-fast", T0.plus(Duration.ofMinutes(2)), "10.0.0.1", "GB", null));
        send(pageView("u-slow", T0, "10.0.0.1", "US", null));
        send(pageView("u-slow", T0.plus(Duration.ofMinutes(15)), "10.0.0.1", "GB", null));

        assertThat(alerts(Rule.RAPID_LOCATION_CHANGE)).extracting(FraudAlert::userId).containsExactly("u-fast");
    }

    @Test
    void newYorkThenLondonThirtyMinutesApartIsImpossibleTravelAndTenHoursApartIsNot() {
        send(pageView("u-fast", T0, "10.0.0.1", "US", "New York"));
        send(pageView("u-fast", T0.plus(Duration.ofMinutes(30)), "10.0.0.1", "GB", "London"));
        send(pageView("u-slow", T0, "10.0.0.1", "US", "New York"));
        send(pageView("u-slow", T0.plus(Duration.ofHours(10)), "10.0.0.1", "GB", "London"));

        assertThat(alerts(Rule.IMPOSSIBLE_TRAVEL)).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("u-fast");
            assertThat(a.details()).containsEntry("from", java.util.Map.of("country", "US", "city", "New York"))
                    .containsEntry("to", java.util.Map.of("country", "GB", "city", "London"));
            assertThat(new java.math.BigDecimal(a.details().get("distance_km").toString())).isBetween(
                    new java.math.BigDecimal("5500"), new java.math.BigDecimal("5600"));
        });
    }

    @Test
    void neitherACityAndItsOwnCountrysCentroidNorAnUnknownCountryIsTravel() {
        send(pageView("u-1", T0, "10.0.0.1", "US", "New York"));
        send(pageView("u-1", T0.plusSeconds(60), "10.0.0.1", "US", "Nowhere Springs"));
        send(pageView("u-1", T0.plusSeconds(120), "10.0.0.1", "AQ", null));

        assertThat(alerts(Rule.IMPOSSIBLE_TRAVEL)).isEmpty();
    }

    // ---- PURCHASE_WITHOUT_ACTIVITY and SMALL_THEN_LARGE

    @Test
    void aPurchaseAfterTwoEventsOfItsSessionAlertsAndAfterThreeDoesNot() {
        send(event("u-two", "page_view", T0, "\"session_id\":\"s-two\""));
        send(event("u-two", "search", T0.plusSeconds(1), "\"session_id\":\"s-two\""));
        send(purchase("u-two", T0.plusSeconds(2), "20.00", "s-two"));
        send(event("u-three", "page_view", T0, "\"session_id\":\"s-three\""));
        send(event("u-three", "search", T0.plusSeconds(1), "\"session_id\":\"s-three\""));
        send(event("u-three", "add_to_cart", T0.plusSeconds(2), "\"session_id\":\"s-three\""));
        send(purchase("u-three", T0.plusSeconds(3), "20.00", "s-three"));

        assertThat(alerts(Rule.PURCHASE_WITHOUT_ACTIVITY)).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("u-two");
            assertThat(a.details()).containsEntry("earlier_events", 2);
        });
    }

    @Test
    void aSmallPurchaseFollowedWithinAMinuteByALargeOneAlertsOnlyUnderOneDollar() {
        send(purchase("u-small", T0, "0.99"));
        send(purchase("u-small", T0.plusSeconds(59), "500.00"));
        send(purchase("u-one", T0, "1.00"));
        send(purchase("u-one", T0.plusSeconds(10), "600.00"));
        send(purchase("u-slow", T0, "0.50"));
        send(purchase("u-slow", T0.plusSeconds(61), "600.00"));

        assertThat(alerts(Rule.SMALL_THEN_LARGE)).extracting(FraudAlert::userId).containsExactly("u-small");
    }

    // ---- live rules

    @Test
    void aThresholdChangedOnTheRulesTopicAppliesToTheNextEvent() {
        send(purchase("u-1", T0, "600.00"));
        rulesTopic.pipeInput(Rule.HIGH_VALUE.name(), "{\"enabled\":true,\"params\":{\"amount\":\"750.00\"}}", T0);
        send(purchase("u-2", T0.plusSeconds(1), "600.00"));
        send(purchase("u-3", T0.plusSeconds(2), "750.00"));
        rulesTopic.pipeInput(Rule.HIGH_VALUE.name(), "{\"enabled\":false,\"params\":{}}", T0);
        send(purchase("u-4", T0.plusSeconds(3), "900.00"));
        rulesTopic.pipeInput(Rule.HIGH_VALUE.name(), null, T0);
        send(purchase("u-5", T0.plusSeconds(4), "500.00"));

        assertThat(alerts(Rule.HIGH_VALUE)).extracting(FraudAlert::userId).containsExactly("u-1", "u-3", "u-5");
    }

    // ---- bad records

    @Test
    void sendsAnUndecodableRecordToTheDeadLetterTopicAndGoesOn() {
        input.pipeInput(new TestRecord<>("u-1", "not json".getBytes(StandardCharsets.UTF_8), T0));
        send(purchase("u-1", T0.plusSeconds(1), "700.00"));

        assertThat(deadLetters.readRecordsToList()).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("not json"));
        assertThat(alerts(Rule.HIGH_VALUE)).hasSize(1);
    }

    // ---- helpers

    /** Sends one event and has it judged: the partition then stays quiet past the idle flush. */
    private void send(UserActivityEvent event) {
        pipe(event);
        idle();
    }

    private void pipe(UserActivityEvent event) {
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        input.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
    }

    // Stream time stalls while the wall clock goes on: the first punctuation sees stream time, the next one flushes.
    private void idle() {
        driver.advanceWallClockTime(IDLE_FLUSH.plusSeconds(1));
        driver.advanceWallClockTime(IDLE_FLUSH.plusSeconds(1));
    }

    private List<FraudAlert> alerts() {
        idle();
        alerts.addAll(output.readValuesToList());
        return alerts;
    }

    private List<FraudAlert> alerts(Rule rule) {
        return alerts().stream().filter(a -> a.rule().equals(rule.name())).toList();
    }

    private UserActivityEvent purchase(String user, Instant at, String amount) {
        return purchase(user, at, amount, null);
    }

    private UserActivityEvent purchase(String user, Instant at, String amount, String session) {
        String props = "\"properties\":{\"cart_value\":" + amount + ",\"currency\":\"USD\",\"quantity\":1}";
        return event(user, "purchase", at, session == null ? props : props + ",\"session_id\":\"" + session + "\"");
    }

    private UserActivityEvent pageView(String user, Instant at, String ip, String country, String city) {
        String location = city == null ? "{\"country\":\"" + country + "\"}"
                : "{\"country\":\"" + country + "\",\"city\":\"" + city + "\"}";
        return event(user, "page_view", at, "\"ip_address\":\"" + ip + "\",\"location\":" + location);
    }

    private UserActivityEvent event(String user, String type, Instant at, String more) {
        String json = """
                {"event_id":"e-%d","user_id":"%s","event_type":"%s","timestamp":"%s",%s}"""
                .formatted(ids.incrementAndGet(), user, type, at, more);
        var decoded = codec.decodeClient(json.getBytes(StandardCharsets.UTF_8), at.plusSeconds(1));
        assertThat(decoded.violations()).as(json).isEmpty();
        return decoded.event();
    }
}
