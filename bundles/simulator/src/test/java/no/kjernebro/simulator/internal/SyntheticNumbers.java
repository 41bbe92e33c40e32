package no.kjernebro.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import no.kjernebro.simulator.internal.dataset.Pasient;

/** Valid synthetic identity numbers (month + 80) that are not in the default dataset, for load-like tests. */
public final class SyntheticNumbers {

    private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private SyntheticNumbers() {
    }

    /** {@code count} distinct numbers of people born in 1951, none of them a dataset patient. */
    public static List<String> notInDataset(int count) {
        Set<String> dataset = Set.copyOf(DatasetLoader.loadDefault().pasienter().stream().map(Pasient::fnr).toList());
        List<String> numbers = new ArrayList<>(count);
        for (int individual = 0; individual < 500 && numbers.size() < count; individual++) {
            for (int month = 1; month <= 12 && numbers.size() < count; month++) {
                for (int day = 1; day <= 28 && numbers.size() < count; day++) {
                    String number = withCheckDigits(String.format("%02d%02d51%03d", day, month + 80, individual));
                    if (number != null && !dataset.contains(number)) {
                        numbers.add(number);
                    }
                }
            }
        }
        return numbers;
    }

    /** The nine digits with both mod-11 check digits appended, or null when no valid number exists. */
    static String withCheckDigits(String nine) {
        int k1 = check(nine, W1);
        if (k1 == 10) {
            return null;
        }
        int k2 = check(nine + k1, W2);
        return k2 == 10 ? null : nine + k1 + k2;
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k;
    }
}
