package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Merknad;
import org.junit.jupiter.api.Test;

class LegemiddelMapperTest {

    @Test
    void mapsMedicationAndFlagsUnknownCodes() throws Exception {
        LegemiddelMapper.Content c = LegemiddelMapper.map(Samples.sample("legemidler.json"));
        Legemidler l = c.legemidler();
        assertThat(l.lasteResepterSkjult()).isTrue();
        assertThat(l.items()).hasSize(5);
        assertThat(l.items().get(0)).isEqualTo(new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Paracet", "N02BE01",
                "500 mg", "1 tablett 3 ganger daglig", Legemiddel.Status.UTLEVERT, true,
                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12), "Lise Testlege"));
        assertThat(l.items().get(1).status()).isEqualTo(Legemiddel.Status.SEPONERT);
        assertThat(l.ofKategori(Legemiddel.Kategori.NAERINGSMIDDEL)).extracting(Legemiddel::name).containsExactly("Nutridrink");
        assertThat(l.ofKategori(Legemiddel.Kategori.FORBRUKSMATERIELL)).extracting(Legemiddel::name).containsExactly("Stomipose");
        // an unknown category is still shown, as a medicine; an unknown status is left empty; both are flagged
        assertThat(l.items().get(4).kategori()).isEqualTo(Legemiddel.Kategori.LEGEMIDDEL);
        assertThat(l.items().get(4).status()).isNull();
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_KODE", "UKJENT_KODE");
    }

    @Test
    void anEntryWithoutNameIsKeptAsAMerknad() throws Exception {
        LegemiddelMapper.Content c = LegemiddelMapper.map(Samples.json("{'legemidler':[{'atc':'N02BE01'}]}"));
        assertThat(c.legemidler().items()).isEmpty();
        assertThat(c.merknader()).singleElement().satisfies(m -> {
            assertThat(m.kode()).isEqualTo("MANGLER_FELT");
            assertThat(m.innhold()).contains("N02BE01");
        });
    }

    @Test
    void aRestrictedMedicationModuleIsFlagged() throws Exception {
        LegemiddelMapper.Content c = LegemiddelMapper.map(Samples.json("{'legemidler':[],'legemidlerSperret':true}"));
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("MODUL_SPERRET");
    }

    @Test
    void anAnswerWithoutTheListIsRefused() {
        for (String json : new String[] {"{}", "{'legemidler':{}}", "{'legemidler':null}"}) {
            assertThatThrownBy(() -> LegemiddelMapper.map(Samples.json(json)))
                    .isInstanceOfSatisfying(KjernejournalException.class,
                            e -> assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_REJECTED));
        }
    }
}
