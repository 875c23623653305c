package io.mingjing.platform.file;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one way a file goes out: disclosure and appeal attachments, module files and module byte replies.
 * Every county shares one origin, so a file that a browser would run (HTML, SVG, XML) could act as any
 * reader; hence the type is what the bytes are, only raster images are inline, and every file response
 * carries {@code nosniff} and a {@code sandbox} policy in case a browser renders it anyway.
 */
public final class StoredFile {

    public static final String SANDBOX = "sandbox";
    private static final String OCTETS = "application/octet-stream";
    /** Types a module may declare for bytes it answers with: none of them is run by a browser. */
    private static final Set<String> PASSIVE = Set.of("application/json", "application/geo+json", "text/plain",
            "text/csv", "application/pdf", "application/zip", "audio/mpeg", "audio/ogg", "audio/webm", "audio/mp4",
            "audio/wav", FileKind.DOCX.contentType(), FileKind.XLSX.contentType(), FileKind.DOC.contentType(),
            FileKind.XLS.contentType());
    /** Headers a module may set on its bytes; the security-relevant ones stay the platform's. */
    private static final Set<String> MODULE_HEADERS = Set.of("cache-control", "etag", "last-modified",
            "content-language", "vary");

    private StoredFile() {
    }

    /** A stored upload: its kind is read again from its bytes, so rows stored before the check are safe too. */
    public static Response of(byte[] data, String filename, String cacheControl) {
        FileKind kind = FileKinds.detect(data).orElse(null);
        String type = kind == null ? OCTETS : kind.contentType();
        return build(Response.ok(data), type, kind != null && kind.inline(), filename(filename, kind), cacheControl);
    }

    /** A file from a module jar, typed by its (allow-listed) extension: stylesheets and scripts must keep theirs. */
    public static Response asset(byte[] data, String contentType, String filename, String cacheControl) {
        FileKind kind = FileKinds.detect(data).orElse(null);
        boolean inline = kind != null && kind.inline() && kind.contentType().equals(contentType);
        return build(Response.ok(data), contentType, inline, filename, cacheControl);
    }

    /** Bytes a module answers with: raster images by what they are, other declared types only if passive. */
    public static Response fromModule(int status, String declaredType, byte[] body, Map<String, String> headers) {
        Response.ResponseBuilder r = Response.status(status);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (MODULE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    r.header(name, value);
                }
            });
        }
        if (body == null || body.length == 0) {
            return r.header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", SANDBOX).build();
        }
        FileKind kind = FileKinds.detect(body).orElse(null);
        String base = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String type = kind != null && kind.inline() ? kind.contentType()
                : PASSIVE.contains(base) ? declaredType : OCTETS;
        return build(r.entity(body), type, kind != null && kind.inline(), null, null);
    }

    private static Response build(Response.ResponseBuilder r, String type, boolean inline, String filename,
            String cacheControl) {
        r.type(type).header("Content-Disposition", ContentDisposition.of(inline, filename))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", SANDBOX);
        if (cacheControl != null) {
            r.header("Cache-Control", cacheControl);
        }
        return r.build();
    }

    /** The name with the kind's extension, so a PDF called "x.html" cannot open as a page once saved. */
    public static String filename(String name, FileKind kind) {
        if (name == null || name.isBlank() || kind == null) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean matches = kind.extensions().stream().anyMatch(e -> lower.endsWith("." + e));
        return matches ? name : name + "." + kind.extensions().get(0);
    }

    /** RFC 6266 with an RFC 5987 UTF-8 name and a plain ASCII fallback; nothing a client sent can end the header. */
    public static final class ContentDisposition {
        private static final String ATTR_CHARS = "!#$&+-.^_`|~";

        private ContentDisposition() {
        }

        public static String of(boolean inline, String filename) {
            String type = inline ? "inline" : "attachment";
            if (filename == null || filename.isBlank()) {
                return type;
            }
            return type + "; filename=\"" + ascii(filename) + "\"; filename*=UTF-8''" + encode(filename);
        }

        static String ascii(String name) {
            StringBuilder b = new StringBuilder();
            name.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                    ? (char) c : '_'));
            return b.toString();
        }

        static String encode(String name) {
            StringBuilder b = new StringBuilder();
            for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
                int c = x & 0xFF;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                    b.append((char) c);
                } else {
                    b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
            return b.toString();
        }
    }
}
