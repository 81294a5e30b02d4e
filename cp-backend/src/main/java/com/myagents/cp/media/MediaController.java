package com.myagents.cp.media;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.contracts.publishing.MediaUrls;
import com.myagents.cp.customers.CallingCustomer;
import com.myagents.cp.jooq.generated.tables.records.MediaAssetsRecord;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A customer's media library: upload an image (the raw bytes, {@code Content-Type} image/jpeg or
 * image/png, checked against the file's magic bytes, at most {@value #MAX_BYTES} bytes), list them,
 * preview one. Platforms fetch an attached image at {@code /media/signed/{id}} with the short-lived
 * signature a connector made ({@link MediaUrls}): the only CP address answered without a login,
 * and only for exactly that image until the signature expires.
 */
@RestController
public class MediaController {

    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final String PATH = "/api/cp/media";

    private final MediaLibrary library;
    private final MediaUrls signedUrls;

    public MediaController(MediaLibrary library, MediaProperties properties) {
        this.library = library;
        this.signedUrls = properties.signedUrls();
    }

    @PostMapping(PATH)
    public ResponseEntity<MediaAsset> upload(HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(value = "name", required = false) String name,
            @RequestBody(required = false) byte[] content) {
        ImageType type = ImageType.declared(contentType);
        if (type == null) {
            throw ApiProblem.badRequest("file", "must be a JPEG or PNG image, sent as image/jpeg or image/png");
        }
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("file", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw ApiProblem.badRequest("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (!type.matches(content)) {
            throw ApiProblem.badRequest("file", "is not a " + type.name() + " image: its first bytes say otherwise");
        }
        if (name != null && (name.length() > 120 || !name.matches("[\\p{L}\\p{N} ._()-]+"))) {
            throw ApiProblem.badRequest("name", "at most 120 letters, digits, spaces, dots, dashes or brackets");
        }
        MediaAsset asset = library.store(CallingCustomer.id(request), type, content, name);
        return ResponseEntity.created(URI.create(PATH + "/" + asset.mediaId())).body(asset);
    }

    @GetMapping(PATH)
    public Map<String, List<MediaAsset>> list(HttpServletRequest request) {
        return Map.of("media", library.list(CallingCustomer.id(request)));
    }

    @GetMapping(PATH + "/{media_id}/content")
    public ResponseEntity<byte[]> content(HttpServletRequest request, @PathVariable("media_id") String mediaId) {
        MediaAssetsRecord row = library.content(CallingCustomer.id(request), uuid(mediaId))
                .orElseThrow(() -> ApiProblem.notFound("media " + mediaId));
        return image(row, CacheControl.noCache().cachePrivate());
    }

    @GetMapping(MediaUrls.PATH_PREFIX + "{media_id}")
    public ResponseEntity<byte[]> signed(@PathVariable("media_id") String mediaId,
            @RequestParam(value = "customer", required = false) String customer,
            @RequestParam(value = "expires", required = false) Long expires,
            @RequestParam(value = "signature", required = false) String signature) {
        UUID id = uuid(mediaId);
        if (signedUrls == null || customer == null || expires == null
                || !signedUrls.verify(customer, mediaId, expires, signature, java.time.Instant.now())) {
            throw forbidden();
        }
        UUID customerId;
        try {
            customerId = UUID.fromString(customer);
        } catch (IllegalArgumentException e) {
            throw forbidden();
        }
        MediaAssetsRecord row = library.content(customerId, id).orElseThrow(MediaController::forbidden);
        return image(row, CacheControl.noStore());
    }

    private static ResponseEntity<byte[]> image(MediaAssetsRecord row, CacheControl cache) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(row.getContentType()))
                .header("X-Content-Type-Options", "nosniff").cacheControl(cache).body(row.getContent());
    }

    private static ApiProblem forbidden() {
        return new ApiProblem(HttpStatus.FORBIDDEN.value(), "forbidden", "Forbidden",
                "this media link is not valid or has expired", Map.of());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("media_id", "must be a UUID");
        }
    }
}
