package jp.madoguchi.sim.printer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One receipt the emulated printer put out.
 *
 * @param number 1, 2, ... in printing order
 * @param text the printed lines as text (QR codes as {@code [QR data]})
 * @param image the paper as a 576-dot-wide image
 * @param qrCodes the data of the QR codes on it
 * @param cut true when it was cut off normally; false for paper left in the printer when its
 *     buffer was cleared (printing stopped part way)
 * @param png where its image was written, if the emulator has an output directory
 * @param textFile where its text was written, likewise
 */
public record EmulatedReceipt(
        int number,
        String text,
        BufferedImage image,
        List<String> qrCodes,
        boolean cut,
        Optional<Path> png,
        Optional<Path> textFile) {
    public EmulatedReceipt {
        qrCodes = List.copyOf(qrCodes);
    }
}
