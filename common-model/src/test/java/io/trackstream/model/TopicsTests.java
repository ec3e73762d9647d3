package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTests {

    @Test
    void namesTheDeadLetterTopicWithSpringKafkasDefaultSuffix() {
        assertThat(Topics.USER_ACTIVITIES_DLT).isEqualTo(Topics.USER_ACTIVITIES + ".DLT");
    }

    @Test
    void listsEveryTopicWithItsPartitionsAndRetention() {
        assertThat(Topics.all()).containsExactly(
                new Topics.TopicSpec("user-activities", 6, Duration.ofDays(7)),
                new Topics.TopicSpec("user-activities.DLT", 6, Duration.ofDays(7)),
                new Topics.TopicSpec("fraud-alerts", 6, Duration.ofDays(30)),
                new Topics.TopicSpec("fraud-rules", 1, Duration.ZERO, true));
    }

    @Test
    void keepsOnlyTheRulesTopicCompacted() {
        assertThat(Topics.all()).filteredOn(Topics.TopicSpec::compacted).extracting(Topics.TopicSpec::name)
                .containsExactly(Topics.FRAUD_RULES);
    }

    @Test
    void rejectsATopicWithoutPartitions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Topics.TopicSpec("t", 0, Duration.ZERO));
    }

    @Test
    void namesTheRecordHeaders() {
        assertThat(RecordHeaders.EVENT_ID).isEqualTo("event_id");
        assertThat(RecordHeaders.CONTRACT_VERSION).isEqualTo("contract_version");
        assertThat(RecordHeaders.CONTRACT_VERSION_V1).isEqualTo("1");
    }
}
