package io.trackstream.model;

/**
 * The client's device as it reported it. Every component is optional; {@code type} is one of the
 * lowercase words the contract lists (desktop, mobile, tablet, tv, console, wearable, bot, other).
 *
 * @param type the device class
 * @param os the operating system, at most 64 characters
 * @param browser the browser, at most 64 characters
 */
public record Device(String type, String os, String browser) {
}
