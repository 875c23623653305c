package io.mingjing.platform.file;

import java.util.List;

/**
 * The only kinds of file the platform stores and serves back. Only raster images are shown inline:
 * a browser cannot run script from them, whereas HTML, SVG, XML or a PDF viewer on our shared origin could.
 */
public enum FileKind {
    PDF("application/pdf", "PDF", false, "pdf"),
    JPEG("image/jpeg", "JPEG", true, "jpg", "jpeg"),
    PNG("image/png", "PNG", true, "png"),
    WEBP("image/webp", "WebP", true, "webp"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)", false, "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)", false, "xlsx"),
    DOC("application/msword", "Word (.doc)", false, "doc"),
    XLS("application/vnd.ms-excel", "Excel (.xls)", false, "xls"),
    WEBM_AUDIO("audio/webm", "WebM audio", false, "webm"),
    OGG_AUDIO("audio/ogg", "Ogg audio", false, "ogg", "oga", "opus"),
    MP4_AUDIO("audio/mp4", "MP4 audio", false, "m4a", "mp4", "3gp"),
    MP3_AUDIO("audio/mpeg", "MP3 audio", false, "mp3"),
    WAV_AUDIO("audio/wav", "WAV audio", false, "wav");

    private final String contentType;
    private final String label;
    private final boolean inline;
    private final List<String> extensions;

    FileKind(String contentType, String label, boolean inline, String... extensions) {
        this.contentType = contentType;
        this.label = label;
        this.inline = inline;
        this.extensions = List.of(extensions);
    }

    public String contentType() {
        return contentType;
    }

    /** How a person names the kind, for error messages. */
    public String label() {
        return label;
    }

    public boolean inline() {
        return inline;
    }

    public List<String> extensions() {
        return extensions;
    }
}
