// xling test helper: prints "source<TAB>target" for every term pair that OmegaT's own TBX reader
// (org.omegat.gui.glossary.GlossaryReaderTBX) finds for a language pair. Usage: ReadTbx FILE SRC TGT PROJECT_DIR
import java.io.File;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;

/** Reads a TBX file with OmegaT's own glossary reader for a source/target language pair. */
public class ReadTbx {
    public static void main(String[] args) throws Exception {
        final ProjectProperties props = new ProjectProperties(new File(args[3]));
        props.setSourceLanguage(args[1]);
        props.setTargetLanguage(args[2]);
        Core.setProject(new NotLoadedProject() {
            @Override public ProjectProperties getProjectProperties() { return props; }
        });
        List<GlossaryEntry> es = GlossaryReaderTBX.read(new File(args[0]), false);
        for (GlossaryEntry e : es) System.out.println(e.getSrcText() + "\t" + e.getLocText());
    }
}
