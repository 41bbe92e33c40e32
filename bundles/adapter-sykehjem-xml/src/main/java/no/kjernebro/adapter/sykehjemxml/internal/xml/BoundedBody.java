package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * Reads a request body without trusting the sender: the declared length is checked before a byte is
 * read, and reading stops one byte past the limit whatever the declared length said (chunked bodies
 * and lying Content-Length headers included).
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1L - total))) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new TranslationException(ErrorCode.MALFORMED_MESSAGE, "the message body could not be read");
        }
        return out.toByteArray();
    }

    private static TranslationException tooLarge(int maxBytes) {
        return new TranslationException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the message is larger than " + maxBytes + " bytes");
    }
}
