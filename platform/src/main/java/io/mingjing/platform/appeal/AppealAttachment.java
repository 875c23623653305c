package io.mingjing.platform.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo or voice recording attached to a case. */
@Entity
@Table(name = "appeal_attachment")
public class AppealAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appeal_id")
    public Long appealId;

    /** PHOTO or VOICE. */
    public String kind;

    @Column(name = "content_type")
    public String contentType;

    public byte[] data;
}
