package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.DatasetException;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.kj.Helseindikatorstatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged dataset keeps the promises docs/contracts.md makes. */
class DatasetTest {

    private static final List<String> DEMO_FNR = List.of("05902823095", "04887734157", "21874614847", "16816932169",
            "20817723609", "11837043303", "55838510069", "12861550182", "02828814829", "07813132286", "14825014684",
            "18872738912", "19907012592", "08819116866", "10873837670", "04905938687", "27914315277", "19904429018",
            "04892838815", "22897449793", "12855119240", "23843039480", "10898327553", "24885641128",
            "14826142015", "03887033136");

    private final Dataset dataset = DatasetLoader.loadDefault();

    @Test
    void everyIdentityNumberIsValidAndSynthetic() {
        List<String> numbers = new ArrayList<>();
        dataset.pasienter().forEach(p -> numbers.add(p.fnr()));
        dataset.personell().forEach(p -> numbers.add(p.pid()));

        assertThat(numbers).isNotEmpty().doesNotHaveDuplicates().allSatisfy(n -> {
            assertThat(NationalIdentityNumber.parse(n)).as(NationalIdentityNumber.mask(n)).isPresent();
            assertThat(NationalIdentityNumber.parse(n).orElseThrow().synthetic()).as(NationalIdentityNumber.mask(n)).isTrue();
        });
    }

    @Test
    void holdsExactlyTheDemoPatients() {
        assertThat(dataset.pasienter()).extracting(Pasient::fnr).containsExactlyInAnyOrderElementsOf(DEMO_FNR);
    }

    @Test
    void demoPatientsHaveTheDocumentedHelseindikatorStatus() {
        assertThat(status("05902823095")).isEqualTo(4);
        assertThat(status("04887734157")).isEqualTo(1);
        assertThat(status("21874614847")).isEqualTo(2);
        assertThat(status("16816932169")).isEqualTo(3);
        assertThat(status("20817723609")).isEqualTo(4);
        assertThat(status("11837043303")).isEqualTo(2);
        assertThat(status("55838510069")).isEqualTo(2);
        assertThat(status("12861550182")).isEqualTo(3);
        assertThat(dataset.pasienter()).filteredOn(p -> !p.reservert())
                .extracting(Helseindikatorstatus::of).contains(2, 3, 4);
        assertThat(pasient("20817723609").blokkertHelsepersonell()).containsExactly("9100006");
        assertThat(status("14826142015")).isEqualTo(4);
        assertThat(pasient("14826142015").sperredeModuler()).containsExactly(Pasient.MODUL_KRITISK_INFO);
        assertThat(status("03887033136")).isEqualTo(2);
        assertThat(pasient("03887033136").sperredeModuler()).containsExactly(Pasient.MODUL_LEGEMIDLER);
        assertThat(pasient("11837043303").harLasteResepter()).isTrue();
        assertThat(pasient("55838510069").identity().kind()).isEqualTo(NationalIdentityNumber.Kind.DNR);
        assertThat(pasient("12861550182").identity().birthDate().getYear()).isEqualTo(2015);
    }

    @Test
    void showcasePatientHasTheRichContentTheDemoNeeds() {
        Pasient ingrid = pasient("05902823095");
        assertThat(ingrid.kritiskInfo()).extracting(Pasient.KritiskInfo::kategori)
                .contains("ALLERGI", "KOMPLIKASJON_ANESTESI", "BEHANDLING_IMPLANTAT");
        assertThat(ingrid.legemidler()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ingrid.legemidler()).anyMatch(Pasient.Legemiddel::multidose);
        assertThat(ingrid.legemidler()).extracting(Pasient.Legemiddel::kategori).contains("NAERINGSMIDDEL", "FORBRUKSMATERIELL");
        assertThat(ingrid.vaksiner()).isNotEmpty();
        assertThat(ingrid.besok()).isNotEmpty();
        assertThat(ingrid.egenregistreringer().parorende()).isNotEmpty();
        assertThat(ingrid.fastlege()).isNotNull();
    }

    @Test
    void organisationNumbersAreChecksumValid() {
        Stream<String> gps = dataset.pasienter().stream().map(Pasient::fastlege).filter(f -> f != null).map(Pasient.Fastlege::orgnr);
        Stream<String> recorders = dataset.pasienter().stream().flatMap(p -> p.kritiskInfo().stream())
                .map(Pasient.KritiskInfo::registrertAv).filter(r -> r != null && r.orgnr() != null).map(Pasient.Registrator::orgnr);

        assertThat(Stream.concat(gps, recorders).toList()).isNotEmpty().allMatch(OrganisationNumber::isValid);
    }

    @Test
    void knowsTheDocumentedHealthWorkersAndCaseWorker() {
        assertThat(dataset.personell()).extracting(Dataset.Person::hprNumber)
                .contains("9100001", "9100002", "9100003", "9100004", "9100005", "9100006");
        assertThat(dataset.personBySubject("hid-sb-5601-0001")).hasValueSatisfying(p -> {
            assertThat(p.rolle()).isEqualTo("SAKSBEHANDLER");
            assertThat(p.hprNumber()).isNull();
        });
    }

    @Test
    void aBrokenDatasetFileFailsWithAMessageSayingWhere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dataset.json");
        Files.writeString(file, """
                {"pasienter":[{"fnr":"05902823096","fornavn":"Test","etternavn":"Testesen"}]}""");

        assertThatThrownBy(() -> DatasetLoader.load(file.toString()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("pasienter[0].fnr")
                .hasMessageContaining("*********96")
                .hasMessageNotContaining("05902823096");
    }

    @Test
    void unknownFieldsAndMissingFilesFail(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dataset.json");
        Files.writeString(file, "{\"pasienter\":[],\"pasjenter\":[]}");

        assertThatThrownBy(() -> DatasetLoader.load(file.toString())).hasMessageContaining("pasjenter");
        assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("mangler.json").toString()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("mangler.json");
    }

    private int status(String fnr) {
        return Helseindikatorstatus.of(pasient(fnr));
    }

    private Pasient pasient(String fnr) {
        return dataset.pasient(fnr).orElseThrow();
    }
}
