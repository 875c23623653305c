package io.mingjing.platform.problem;

/** Marks a JSON reader exception whose own message is written for the client and may be shown as is. */
public interface ClientMessage {
}
