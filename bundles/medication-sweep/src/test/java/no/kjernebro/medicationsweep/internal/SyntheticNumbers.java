package no.kjernebro.medicationsweep.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Valid synthetic identity numbers (month + 80, as national test data uses), generated in a fixed
 * order without holding them: the n-th number is always the same.
 */
public final class SyntheticNumbers implements Iterator<String> {

    private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private final long count;
    private long produced;
    private long candidate;

    public SyntheticNumbers(long count) {
        this.count = count;
    }

    /** The first {@code n} numbers as a list; for small tests only. */
    public static java.util.List<String> first(int n) {
        java.util.List<String> out = new java.util.ArrayList<>(n);
        new SyntheticNumbers(n).forEachRemaining(out::add);
        return out;
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (true) {
            String fnr = number(candidate++);
            if (fnr != null) {
                produced++;
                return fnr;
            }
        }
    }

    // candidate -> day 01-28, month 81-92, year 1930-1999 (individual 000-499), individual number
    private static String number(long c) {
        int individual = (int) (c % 500);
        long rest = c / 500;
        int day = (int) (rest % 28) + 1;
        rest /= 28;
        int month = (int) (rest % 12) + 81;
        rest /= 12;
        int year = (int) (rest % 70) + 30;
        int[] d = new int[11];
        String base = String.format("%02d%02d%02d%03d", day, month, year, individual);
        for (int i = 0; i < 9; i++) {
            d[i] = base.charAt(i) - '0';
        }
        d[9] = check(d, W1);
        if (d[9] == 10) {
            return null;
        }
        d[10] = check(d, W2);
        if (d[10] == 10) {
            return null;
        }
        return base + d[9] + d[10];
    }

    private static int check(int[] d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += d[i] * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k;
    }
}
