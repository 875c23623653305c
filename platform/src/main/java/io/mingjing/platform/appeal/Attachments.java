package io.mingjing.platform.appeal;

import io.mingjing.platform.file.FileKinds;
import io.mingjing.platform.problem.ProblemException;
import java.util.List;

/** Photos and a voice recording: their kind is read from their bytes by {@link FileKinds}. */
public final class Attachments {

    static final int MAX_PHOTOS = 6;
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    static final int MAX_VOICE_BYTES = 8 * 1024 * 1024;

    public record Upload(String kind, String contentType, byte[] data) {
    }

    private Attachments() {
    }

    static Upload photo(int index, byte[] data) {
        if (data.length > MAX_PHOTO_BYTES) {
            throw new ProblemException(413, "Content Too Large", "Photo " + (index + 1) + " is larger than 5 MB.");
        }
        return new Upload("PHOTO", FileKinds.require(data, FileKinds.PHOTOS, "photos[" + index + "]").contentType(),
                data);
    }

    static Upload voice(byte[] data) {
        if (data.length > MAX_VOICE_BYTES) {
            throw new ProblemException(413, "Content Too Large", "The voice recording is larger than 8 MB.");
        }
        return new Upload("VOICE", FileKinds.require(data, FileKinds.AUDIO, "voice").contentType(), data);
    }

    static void store(Long appealId, List<Upload> uploads) {
        for (Upload u : uploads) {
            AppealAttachment a = new AppealAttachment();
            a.appealId = appealId;
            a.kind = u.kind();
            a.contentType = u.contentType();
            a.data = u.data();
            a.persist();
        }
    }
}
