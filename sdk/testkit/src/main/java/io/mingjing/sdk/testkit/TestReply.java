package io.mingjing.sdk.testkit;

import io.mingjing.sdk.Reply;
import java.util.List;
import java.util.Map;

/**
 * What the platform would send for a call: the module's {@link Reply}, its JSON as a client would
 * parse it (maps, lists, strings, numbers), and a page rendered to HTML.
 */
public record TestReply(int status, Reply reply, Object json, String html) {

    @SuppressWarnings("unchecked")
    public Map<String, Object> body() {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        return (List<Map<String, Object>>) json;
    }

    /** The field errors of a problem reply. */
    public Map<String, String> errors() {
        return reply instanceof Reply.Problem p && p.errors() != null ? p.errors() : Map.of();
    }

    public String location() {
        return reply instanceof Reply.Redirect r ? r.location() : null;
    }

    public byte[] bytes() {
        return reply instanceof Reply.Bytes b ? b.body() : null;
    }
}
