package io.trackstream.fraud.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaTemplate;

/** The rule store over the {@code fraud-rules} topic. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleStore ruleStore(StreamsBuilderFactoryBean streams, KafkaTemplate<String, String> kafka) {
        return new KafkaRuleStore(streams, kafka);
    }
}
