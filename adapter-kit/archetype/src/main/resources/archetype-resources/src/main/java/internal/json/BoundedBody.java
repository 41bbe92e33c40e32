package ${package}.internal.json;

import java.io.IOException;
import java.io.InputStream;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * Reads a request body without trusting the sender: a declared length over the limit is refused before
 * a byte is read, and reading stops one byte past the limit whatever the header said (chunked bodies and
 * lying Content-Length included).
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream body, Long declaredLength, int maxBytes) throws TranslationException {
        if (declaredLength != null && declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the message body could not be read");
        }
    }

    private static TranslationException tooLarge(int maxBytes) {
        return new TranslationException(ErrorCode.PAYLOAD_TOO_LARGE, "the message is larger than " + maxBytes + " bytes");
    }
}
