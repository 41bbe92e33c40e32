package no.kjernebro.auditreview.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox maps every standard 14 font to a system font as soon as it is created, which on first use
 * scans all installed fonts (seconds) and writes a cache file into the user's home. The report only
 * writes PDFs (metrics come from the built-in AFM files; viewers bring their own Helvetica), so
 * every font maps to the Liberation Sans PDFBox ships, without looking at the system (and without
 * a fallback warning per font, since nothing is ever drawn with it). PDFBox is
 * embedded in this bundle, so the setting touches no one else.
 */
final class WriteOnlyFontMapper implements FontMapper {

    private static final String BUILT_IN = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static volatile boolean installed;
    private volatile TrueTypeFont font;

    static void install() {
        if (!installed) {
            synchronized (WriteOnlyFontMapper.class) {
                if (!installed) {
                    FontMappers.set(new WriteOnlyFontMapper());
                    installed = true;
                }
            }
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
        return new CIDFontMapping(null, font(), false);
    }

    private TrueTypeFont font() {
        TrueTypeFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                loaded = font;
            }
        }
        return loaded;
    }

    private static TrueTypeFont load() {
        try (InputStream in = FontMapper.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's built-in font is missing: " + BUILT_IN);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException("PDFBox's built-in font could not be read", e);
        }
    }
}
