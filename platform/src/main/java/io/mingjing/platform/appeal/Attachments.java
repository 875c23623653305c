package io.mingjing.platform.appeal;

import io.mingjing.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Photos and a voice recording: checked by their bytes, not by what the client claims. */
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
        String type = startsWith(data, 0xFF, 0xD8, 0xFF) ? "image/jpeg"
                : startsWith(data, 0x89, 'P', 'N', 'G') ? "image/png"
                : startsWith(data, 'R', 'I', 'F', 'F') && data.length > 12 && data[8] == 'W' && data[9] == 'E'
                        ? "image/webp" : null;
        if (type == null) {
            throw ProblemException.invalid(400, "Photos must be JPEG, PNG or WebP images.",
                    Map.of("photos[" + index + "]", "is not a JPEG, PNG or WebP image"));
        }
        return new Upload("PHOTO", type, data);
    }

    static Upload voice(byte[] data) {
        if (data.length > MAX_VOICE_BYTES) {
            throw new ProblemException(413, "Content Too Large", "The voice recording is larger than 8 MB.");
        }
        String type = startsWith(data, 0x1A, 0x45, 0xDF, 0xA3) ? "audio/webm"
                : startsWith(data, 'O', 'g', 'g', 'S') ? "audio/ogg"
                : data.length > 8 && data[4] == 'f' && data[5] == 't' && data[6] == 'y' && data[7] == 'p' ? "audio/mp4"
                : startsWith(data, 'I', 'D', '3') || startsWith(data, 0xFF, 0xFB) ? "audio/mpeg" : null;
        if (type == null) {
            throw ProblemException.invalid(400, "The voice recording must be WebM, Ogg, MP4 or MP3 audio.",
                    Map.of("voice", "is not a supported audio file"));
        }
        return new Upload("VOICE", type, data);
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

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(data, magic.length), toBytes(magic));
    }

    private static byte[] toBytes(int[] ints) {
        byte[] b = new byte[ints.length];
        for (int i = 0; i < ints.length; i++) {
            b[i] = (byte) ints[i];
        }
        return b;
    }
}
