package io.mingjing.platform.appeal;

import io.mingjing.platform.audit.AuditEntry;
import io.mingjing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reads the photos and voice of a form, checks them, and digests the whole submission for idempotency. */
@ApplicationScoped
public class AppealUploads {

    public record Files(List<Attachments.Upload> uploads, String digest) {
    }

    public Files read(String describedCase, List<FileUpload> photos, FileUpload voice) throws IOException {
        List<FileUpload> given = photos == null ? List.of()
                : photos.stream().filter(f -> f.size() > 0).toList();
        if (given.size() > Attachments.MAX_PHOTOS) {
            throw ProblemException.invalid(400, "At most 6 photos.", Map.of("photo", "at most 6"));
        }
        List<Attachments.Upload> uploads = new ArrayList<>();
        StringBuilder all = new StringBuilder(describedCase);
        for (int i = 0; i < given.size(); i++) {
            byte[] data = java.nio.file.Files.readAllBytes(given.get(i).uploadedFile());
            uploads.add(Attachments.photo(i, data));
            all.append('\n').append(AuditEntry.sha256(data));
        }
        if (voice != null && voice.size() > 0) {
            byte[] data = java.nio.file.Files.readAllBytes(voice.uploadedFile());
            uploads.add(Attachments.voice(data));
            all.append('\n').append(AuditEntry.sha256(data));
        }
        return new Files(uploads, AuditEntry.sha256(all.toString()));
    }
}
