package io.trackstream.producer.traffic;

import io.trackstream.model.Device;
import net.datafaker.Faker;

import java.util.Random;

/**
 * Makes the simulated users lazily and deterministically: user {@code i} depends only on the seed and
 * {@code i}, so a million users cost nothing until they show up and the same seed always gives the
 * same people. Datafaker draws from one {@link Random} that is reseeded per user.
 */
final class UserFactory {

    private static final String[][] DEVICES = {
            // type, os, browser, user agent
            {"desktop", "Windows", "Chrome",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"},
            {"desktop", "Windows", "Edge",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"},
            {"desktop", "Mac OS X", "Safari",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"},
            {"desktop", "Linux", "Firefox",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"},
            {"mobile", "iOS", "Mobile Safari",
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"},
            {"mobile", "Android", "Chrome Mobile",
                    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"},
            {"tablet", "iPadOS", "Mobile Safari",
                    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"},
    };

    private final long seed;
    private final Random random = new Random();
    private final Faker faker = new Faker(random);

    UserFactory(long seed) {
        this.seed = seed;
    }

    static String userId(int index) {
        return String.format("user-%06d", index);
    }

    /** The index of a user id made by {@link #userId}. */
    static int index(String userId) {
        return Integer.parseInt(userId.substring(userId.indexOf('-') + 1));
    }

    SimUser user(int index) {
        random.setSeed(seed * 0x9E3779B97F4A7C15L + index);
        double s = random.nextDouble();
        Segment segment = s < Segment.BROWSERS.share() ? Segment.BROWSERS
                : s < Segment.BROWSERS.share() + Segment.RESEARCHERS.share() ? Segment.RESEARCHERS
                : Segment.BUYERS;
        Place home = Place.ALL.get(random.nextInt(Place.ALL.size()));
        String[] d = DEVICES[random.nextInt(DEVICES.length)];
        String ip = faker.internet().publicIpV4Address();
        return new SimUser(userId(index), segment, home, new Device(d[0], d[1], d[2]), d[3], ip);
    }
}
