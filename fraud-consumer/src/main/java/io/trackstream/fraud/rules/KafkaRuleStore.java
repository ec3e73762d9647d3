package io.trackstream.fraud.rules;

import io.trackstream.fraud.detect.FraudTopology;
import io.trackstream.model.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rules on the compacted {@code fraud-rules} topic: a change is one record (key = the rule's
 * name), which every instance's global store picks up within moments and keeps across restarts.
 * Reads come from this instance's copy of that global store.
 */
final class KafkaRuleStore implements RuleStore {

    private final StreamsBuilderFactoryBean streams;
    private final KafkaTemplate<String, String> kafka;
    private volatile RuleBook book = RuleBook.defaults();

    KafkaRuleStore(StreamsBuilderFactoryBean streams, KafkaTemplate<String, String> kafka) {
        this.streams = streams;
        this.kafka = kafka;
    }

    @Override
    public RuleBook current() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("Kafka Streams has not started yet");
        }
        ReadOnlyKeyValueStore<String, String> store = running.store(
                StoreQueryParameters.fromNameAndType(FraudTopology.RULES_STORE, QueryableStoreTypes.keyValueStore()));
        book = book.refreshed(store::get);
        return book;
    }

    @Override
    public void save(Rule rule, RuleSetting setting) {
        try {
            kafka.send(Topics.FRAUD_RULES, rule.name(), RuleSettings.encode(setting)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not store the rule change on " + Topics.FRAUD_RULES + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a rule change", e);
        }
    }
}
