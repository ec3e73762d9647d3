package io.trackstream.producer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineOptionsTests {

    @Test
    void mapsShortOptionsToSimulatorProperties() {
        String[] args = CommandLineOptions.toSpringArgs("--rate=200", "--ingest-url=http://h:1/x?a=b", "--events", "1000");

        assertThat(args).containsExactly("--trackstream.simulator.rate=200",
                "--trackstream.simulator.ingest-url=http://h:1/x?a=b", "--trackstream.simulator.events=1000");
        assertThat(CommandLineOptions.finite(args)).isTrue();
    }

    @Test
    void passesSpringPropertiesThrough() {
        String[] args = CommandLineOptions.toSpringArgs("--server.port=8085", "--spring.kafka.bootstrap-servers=a:1");

        assertThat(args).containsExactly("--server.port=8085", "--spring.kafka.bootstrap-servers=a:1");
        assertThat(CommandLineOptions.finite(args)).isFalse();
    }

    @Test
    void refusesAnUnknownOptionByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.toSpringArgs("--rat=200"))
                .withMessageStartingWith("unknown option --rat;");
    }

    @Test
    void refusesAnOptionWithoutValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLineOptions.toSpringArgs("--seed", "--rate=1"))
                .withMessageContaining("--seed needs a value");
    }
}
