<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Cannot open the workspace %1:
%2</source>
        <translation>Der Arbeitsbereich %1 lässt sich nicht öffnen:
%2</translation>
    </message>
    <message>
        <source>NAS Studio</source>
        <translation>NAS Studio</translation>
    </message>
    <message>
        <source>NAS Studio: neural architecture search</source>
        <translation>NAS Studio: neuronale Architektursuche</translation>
    </message>
    <message>
        <source>Workspace folder (run database and files).</source>
        <translation>Ordner des Arbeitsbereichs (Lauf-Datenbank und Dateien).</translation>
    </message>
    <message>
        <source>User interface language: en, de or zh_CN.</source>
        <translation>Sprache der Oberfläche: en, de oder zh_CN.</translation>
    </message>
    <message>
        <source>With --demo: save screenshots here.</source>
        <translation>Mit --demo: Bildschirmfotos hier speichern.</translation>
    </message>
    <message>
        <source>Run a short synthetic search, save screenshots, exit.</source>
        <translation>Eine kurze synthetische Suche ausführen, Bildschirmfotos speichern, beenden.</translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos; (known: en, de, zh_CN).</source>
        <translation>Unbekannte Sprache „%1“ (bekannt: en, de, zh_CN).</translation>
    </message>
    <message>
        <source>--demo needs --screenshots DIR.</source>
        <translation>--demo benötigt --screenshots ORDNER.</translation>
    </message>
</context>
<context>
    <name>nas::studio::BestCandidatesController</name>
    <message>
        <source>Choose a run with a fitted predictor first.</source>
        <translation>Wählen Sie zuerst einen Lauf mit angepasstem Prädiktor.</translation>
    </message>
</context>
<context>
    <name>nas::studio::BestCandidatesJob</name>
    <message>
        <source>the run has no checkpoint, so there are no shared weights to re-score with</source>
        <translation>der Lauf hat keinen Checkpoint, also keine geteilten Gewichte für eine erneute Bewertung</translation>
    </message>
    <message>
        <source>Sampling %1 architectures and predicting their accuracy…</source>
        <translation>%1 Architekturen werden gezogen und ihre Genauigkeit vorhergesagt…</translation>
    </message>
    <message>
        <source>Measuring the latency of the best predicted: %1 so far…</source>
        <translation>Latenz der am besten vorhergesagten wird gemessen: bisher %1…</translation>
    </message>
    <message>
        <source>Re-scoring the best %1 with the shared weights on %2 validation batches…</source>
        <translation>Die besten %1 werden mit den geteilten Gewichten auf %2 Validierungs-Batches neu bewertet…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
</context>
<context>
    <name>nas::studio::MainWindow</name>
    <message>
        <source>NAS Studio — %1</source>
        <translation>NAS Studio — %1</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Load configuration…</source>
        <translation>Konfiguration &amp;laden…</translation>
    </message>
    <message>
        <source>Load a search configuration from JSON</source>
        <translation>Eine Suchkonfiguration aus JSON laden</translation>
    </message>
    <message>
        <source>&amp;Save configuration…</source>
        <translation>Konfiguration &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the launch panel&apos;s configuration as JSON</source>
        <translation>Die Konfiguration des Startbereichs als JSON speichern</translation>
    </message>
    <message>
        <source>&amp;Export architecture…</source>
        <translation>Architektur &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the derived architecture as JSON, DARTS string or PyTorch</source>
        <translation>Die abgeleitete Architektur als JSON, DARTS-Zeichenkette oder PyTorch exportieren</translation>
    </message>
    <message>
        <source>Export cell &amp;picture…</source>
        <translation>&amp;Zellbild exportieren…</translation>
    </message>
    <message>
        <source>Save the cell drawing as PNG or SVG</source>
        <translation>Die Zellzeichnung als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close NAS Studio</source>
        <translation>NAS Studio schließen</translation>
    </message>
    <message>
        <source>&amp;Start search</source>
        <translation>Suche &amp;starten</translation>
    </message>
    <message>
        <source>Validate the configuration and start a search</source>
        <translation>Die Konfiguration prüfen und eine Suche starten</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Pause the search after the current step</source>
        <translation>Die Suche nach dem laufenden Schritt anhalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the paused search</source>
        <translation>Die angehaltene Suche fortsetzen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the search; it can be resumed later</source>
        <translation>Die Suche beenden; sie kann später fortgesetzt werden</translation>
    </message>
    <message>
        <source>Save &amp;checkpoint</source>
        <translation>&amp;Checkpoint speichern</translation>
    </message>
    <message>
        <source>Write a checkpoint after the current step</source>
        <translation>Nach dem laufenden Schritt einen Checkpoint schreiben</translation>
    </message>
    <message>
        <source>Resume selected &amp;run</source>
        <translation>Ausgewählten &amp;Lauf fortsetzen</translation>
    </message>
    <message>
        <source>Continue the interrupted run selected in the run list</source>
        <translation>Den in der Laufliste ausgewählten unterbrochenen Lauf fortsetzen</translation>
    </message>
    <message>
        <source>Re&amp;fresh runs</source>
        <translation>Läufe &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Read the run list again</source>
        <translation>Die Laufliste neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Language and workspace</source>
        <translation>Sprache und Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;About NAS Studio</source>
        <translation>&amp;Über NAS Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>About NAS Studio</source>
        <translation>Über NAS Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NAS Studio %1&lt;/h3&gt;&lt;p&gt;A desktop studio for neural architecture search: launch, steer and inspect SNAS, NASP, DARTS and random searches live, reopen past runs and export the architectures they found.&lt;/p&gt;&lt;p&gt;Built with Qt %2, QCustomPlot and LibTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NAS Studio %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Studio für die neuronale Architektursuche: SNAS-, NASP-, DARTS- und Zufallssuchen live starten, steuern und untersuchen, frühere Läufe wieder öffnen und die gefundenen Architekturen exportieren.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, QCustomPlot und LibTorch.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stopping the search before closing…</source>
        <translation>Die Suche wird vor dem Schließen beendet…</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>Die Suche wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>A search is already running.</source>
        <translation>Es läuft bereits eine Suche.</translation>
    </message>
    <message>
        <source>Resuming run %1…</source>
        <translation>Lauf %1 wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>Run %1 finished.</source>
        <translation>Lauf %1 ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Run %1 stopped; it can be resumed from the run list.</source>
        <translation>Lauf %1 wurde beendet; er kann in der Laufliste fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation>Die Suche ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The engine reported a failure without a message.</source>
        <translation>Die Suchmaschine meldete einen Fehler ohne Beschreibung.</translation>
    </message>
    <message>
        <source>Checkpoint requested.</source>
        <translation>Checkpoint angefordert.</translation>
    </message>
    <message>
        <source>Cannot read the run list</source>
        <translation>Die Laufliste lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Cannot read run %1</source>
        <translation>Lauf %1 lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Showing run %1 (%2).</source>
        <translation>Lauf %1 wird angezeigt (%2).</translation>
    </message>
    <message>
        <source>Cannot delete run %1</source>
        <translation>Lauf %1 lässt sich nicht löschen</translation>
    </message>
    <message>
        <source>Run %1 deleted.</source>
        <translation>Lauf %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>Export architecture</source>
        <translation>Architektur exportieren</translation>
    </message>
    <message>
        <source>There is no derived architecture yet: it appears after the first epoch.</source>
        <translation>Es gibt noch keine abgeleitete Architektur: Sie erscheint nach der ersten Epoche.</translation>
    </message>
    <message>
        <source>Export cell picture</source>
        <translation>Zellbild exportieren</translation>
    </message>
    <message>
        <source>There is no derived cell to draw yet.</source>
        <translation>Es gibt noch keine abgeleitete Zelle zum Zeichnen.</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 lässt sich nicht schreiben.</translation>
    </message>
    <message>
        <source>Longest pause of the user interface during the search: %1 ms.</source>
        <translation>Längste Pause der Benutzeroberfläche während der Suche: %1 ms.</translation>
    </message>
    <message>
        <source>&amp;Train found cell…</source>
        <translation>Gefundene Zelle &amp;trainieren…</translation>
    </message>
    <message>
        <source>Train the shown run&apos;s derived network from scratch and keep its weights</source>
        <translation>Das abgeleitete Netz des angezeigten Laufs von Grund auf trainieren und seine Gewichte behalten</translation>
    </message>
    <message>
        <source>Train found cell</source>
        <translation>Gefundene Zelle trainieren</translation>
    </message>
    <message>
        <source>Open a run with at least one finished epoch first: its derived cell is what gets trained.</source>
        <translation>Öffnen Sie zuerst einen Lauf mit mindestens einer abgeschlossenen Epoche: Trainiert wird seine abgeleitete Zelle.</translation>
    </message>
    <message>
        <source>Run %1: the found cell was trained; its weights can be exported.</source>
        <translation>Lauf %1: Die gefundene Zelle wurde trainiert; ihre Gewichte können exportiert werden.</translation>
    </message>
    <message>
        <source>The engine refused the new constraints: %1</source>
        <translation>Die Suchmaschine hat die neuen Beschränkungen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Pausing after the current step…</source>
        <translation>Anhalten nach dem laufenden Schritt…</translation>
    </message>
    <message>
        <source>Pre&amp;dictor…</source>
        <translation>&amp;Prädiktor…</translation>
    </message>
    <message>
        <source>Edit a cell and see the fitted predictor&apos;s accuracy, costs and constraints at once; fit a predictor to a run</source>
        <translation>Eine Zelle bearbeiten und sofort die vorhergesagte Genauigkeit, Kosten und Beschränkungen sehen; einen Prädiktor an einen Lauf anpassen</translation>
    </message>
    <message>
        <source>Export the derived network to a folder</source>
        <translation>Abgeleitetes Netz in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exportiert: %1</translation>
    </message>
    <message>
        <source>Cannot export the network</source>
        <translation>Das Netz kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>This run derived a layer network, not a cell: every network it reports was already trained from scratch, and its accuracy is that training&apos;s.</source>
        <translation>Dieser Lauf hat ein Schichtennetz abgeleitet, keine Zelle: Jedes Netz, das er meldet, wurde bereits von Grund auf trainiert, und seine Genauigkeit ist die dieses Trainings.</translation>
    </message>
    <message>
        <source>Export network picture</source>
        <translation>Netzbild exportieren</translation>
    </message>
</context>
<context>
    <name>nas::studio::PredictorDock</name>
    <message>
        <source>Edit a cell</source>
        <translation>Zelle bearbeiten</translation>
    </message>
    <message>
        <source>Best under constraints</source>
        <translation>Die Besten unter Schranken</translation>
    </message>
    <message>
        <source>Predictor</source>
        <translation>Prädiktor</translation>
    </message>
    <message>
        <source>Sample of epoch %1, step %2 (score %3)</source>
        <translation>Stichprobe aus Epoche %1, Schritt %2 (Bewertung %3)</translation>
    </message>
    <message>
        <source>Fitted and saved with the run; held-out Spearman %1.</source>
        <translation>Angepasst und beim Lauf gespeichert; Spearman auf den zurückgehaltenen %1.</translation>
    </message>
    <message>
        <source>Fitted and saved with the run.</source>
        <translation>Angepasst und beim Lauf gespeichert.</translation>
    </message>
    <message>
        <source>no measurement</source>
        <translation>keine Messung</translation>
    </message>
    <message>
        <source>a measurement is running</source>
        <translation>eine Messung läuft</translation>
    </message>
</context>
<context>
    <name>nas::studio::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>default workspace</source>
        <translation>Standard-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Ordner des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <source>LibTorch threads of new searches (the launch panel&apos;s Threads field). Fewer leave cores to other programs and to a second search.</source>
        <translation>LibTorch-Threads neuer Suchen (das Feld „Threads“ im Startbereich). Weniger lassen Kerne für andere Programme und eine zweite Suche frei.</translation>
    </message>
    <message>
        <source>Language and workspace take effect when NAS Studio is started again.</source>
        <translation>Sprache und Arbeitsbereich werden beim nächsten Start von NAS Studio wirksam.</translation>
    </message>
    <message>
        <source>Threads for new searches:</source>
        <translation>Threads für neue Suchen:</translation>
    </message>
</context>
<context>
    <name>nas::studio::ProgressStatus</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>Epoche %1 von %2</translation>
    </message>
    <message>
        <source>Run %1: starting</source>
        <translation>Lauf %1: startet</translation>
    </message>
    <message>
        <source>ETA --:--</source>
        <translation>Rest --:--</translation>
    </message>
    <message>
        <source>epoch %1 of %2, step %3 of %4</source>
        <translation>Epoche %1 von %2, Schritt %3 von %4</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Rest %1</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Loading the dataset…</source>
        <translation>Der Datensatz wird geladen…</translation>
    </message>
    <message>
        <source>Building the supernet…</source>
        <translation>Das Supernetz wird aufgebaut…</translation>
    </message>
    <message>
        <source>Run %1: first step (includes warm-up)…</source>
        <translation>Lauf %1: erster Schritt (mit Aufwärmen)…</translation>
    </message>
    <message>
        <source>First step (includes warm-up)…</source>
        <translation>Erster Schritt (mit Aufwärmen)…</translation>
    </message>
    <message>
        <source>Run %1: pausing… (after the current step)</source>
        <translation>Lauf %1: wird angehalten… (nach dem laufenden Schritt)</translation>
    </message>
    <message>
        <source>ETA: estimating…</source>
        <translation>Rest: wird geschätzt…</translation>
    </message>
</context>
<context>
    <name>nas::studio::RunViews</name>
    <message>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>Hidden-state distance</source>
        <translation>Abstand verborgener Zustände</translation>
    </message>
    <message>
        <source>Hidden-state map</source>
        <translation>Karte verborgener Zustände</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>Architecture distribution</source>
        <translation>Architekturverteilung</translation>
    </message>
    <message>
        <source>Derived cells</source>
        <translation>Abgeleitete Zellen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Run %1 resumed at epoch %2.</source>
        <translation>Lauf %1 wird bei Epoche %2 fortgesetzt.</translation>
    </message>
    <message>
        <source>Run %1 started.</source>
        <translation>Lauf %1 gestartet.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Status: %1 (%2)</source>
        <translation>Status: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n architecture(s) sampled.</source>
        <translation>
            <numerusform>%n Architektur gezogen.</numerusform>
            <numerusform>%n Architekturen gezogen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Epoch %1: train loss %2, validation accuracy %3, %4 parameters</source>
        <translation>Epoche %1: Trainingsverlust %2, Validierungsgenauigkeit %3, %4 Parameter</translation>
    </message>
    <message>
        <source>Replaying run %1 (%2): %3 epochs, %4 steps, %5 snapshots.</source>
        <translation>Lauf %1 wird wiedergegeben (%2): %3 Epochen, %4 Schritte, %5 Momentaufnahmen.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Constraints changed; the engine applies them before its next step.</source>
        <translation>Beschränkungen geändert; die Engine wendet sie vor ihrem nächsten Schritt an.</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Ausgewertet</translation>
    </message>
</context>
<context>
    <name>nas::studio::TrainDialog</name>
    <message>
        <source>Train found cell (run %1)</source>
        <translation>Gefundene Zelle trainieren (Lauf %1)</translation>
    </message>
    <message>
        <source>Trains the run&apos;s derived network from scratch (DARTS evaluation recipe: cosine SGD, auxiliary head, drop path) on the run&apos;s dataset, reports test accuracy, and keeps the weights in the run folder; Export then offers them.</source>
        <translation>Trainiert das abgeleitete Netz des Laufs von Grund auf (DARTS-Evaluationsrezept: SGD mit Kosinus-Lernrate, Hilfskopf, Drop Path) auf dem Datensatz des Laufs, meldet die Testgenauigkeit und behält die Gewichte im Laufordner; der Export bietet sie dann an.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Initial channels:</source>
        <translation>Anfangskanäle:</translation>
    </message>
    <message>
        <source>Cells (layers):</source>
        <translation>Zellen (Schichten):</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>Trainingsbilder:</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>epoch %1/%2, loss %3</source>
        <translation>Epoche %1/%2, Verlust %3</translation>
    </message>
    <message>
        <source>epoch %1: train loss %2, train accuracy %3%, test accuracy %4% (%5 s)</source>
        <translation>Epoche %1: Trainingsverlust %2, Trainingsgenauigkeit %3 %, Testgenauigkeit %4 % (%5 s)</translation>
    </message>
    <message>
        <source>The channel count must be even (the reduction cells halve it).</source>
        <translation>Die Kanalzahl muss gerade sein (die Reduktionszellen halbieren sie).</translation>
    </message>
    <message>
        <source>loading data…</source>
        <translation>Daten werden geladen…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Test accuracy %1% with %2 parameters. The weights are kept in %3; File ▸ Export architecture offers them.</source>
        <translation>Testgenauigkeit %1 % mit %2 Parametern. Die Gewichte liegen in %3; Datei ▸ Architektur exportieren bietet sie an.</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Stopped; no weights were kept.</source>
        <translation>Gestoppt; es wurden keine Gewichte behalten.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
</context>
<context>
    <name>nas::widgets::AlphaDistributionView</name>
    <message>
        <source>Normal cell</source>
        <translation>Normale Zelle</translation>
    </message>
    <message>
        <source>Reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <source>Edge whose op probabilities are plotted over time</source>
        <translation>Kante, deren Operationswahrscheinlichkeiten über die Zeit gezeichnet werden</translation>
    </message>
    <message>
        <source>Move through the stored snapshots of the architecture distribution</source>
        <translation>Durch die gespeicherten Momentaufnahmen der Architekturverteilung blättern</translation>
    </message>
    <message>
        <source>No snapshots yet</source>
        <translation>Noch keine Momentaufnahmen</translation>
    </message>
    <message>
        <source>Edge:</source>
        <translation>Kante:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>normal cell</source>
        <translation>normalen Zelle</translation>
    </message>
    <message>
        <source>reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <source>Edge %1 of the %2 over time</source>
        <translation>Kante %1 der %2 über die Zeit</translation>
    </message>
    <message>
        <source>Step %1, epoch %2 (%3 of %4)</source>
        <translation>Schritt %1, Epoche %2 (%3 von %4)</translation>
    </message>
    <message>
        <source>Scale colours to data</source>
        <translation>Farben an Daten anpassen</translation>
    </message>
    <message>
        <source>Spread the colours over each cell&apos;s lowest to highest probability instead of 0 to 1, so early, small differences between ops show</source>
        <translation>Die Farben über die kleinste bis größte Wahrscheinlichkeit jeder Zelle statt über 0 bis 1 verteilen, damit frühe, kleine Unterschiede zwischen den Operationen sichtbar werden</translation>
    </message>
</context>
<context>
    <name>nas::widgets::AlphaEdgeHistory</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
</context>
<context>
    <name>nas::widgets::AlphaHeatMap</name>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>probability (scaled to this cell)</source>
        <translation>Wahrscheinlichkeit (auf diese Zelle skaliert)</translation>
    </message>
</context>
<context>
    <name>nas::widgets::ArchitectureStrip</name>
    <message>
        <source>No network derived yet.</source>
        <translation>Noch kein Netz abgeleitet.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Layer network drawn by NAS Studio</source>
        <translation>Schichtennetz, gezeichnet von NAS Studio</translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesForm</name>
    <message>
        <source>Measured forward time at batch 1 on the CPU; only the best predicted are measured, in order, until enough meet the limit</source>
        <translation>Gemessene Vorwärtszeit bei Batchgröße 1 auf der CPU; gemessen werden nur die am besten vorhergesagten, der Reihe nach, bis genug die Grenze einhalten</translation>
    </message>
    <message>
        <source>How many of the best predicted architectures to list</source>
        <translation>Wie viele der am besten vorhergesagten Architekturen aufgelistet werden</translation>
    </message>
    <message>
        <source>Show the best:</source>
        <translation>Die besten zeigen:</translation>
    </message>
    <message>
        <source>Distinct architectures sampled uniformly from the space</source>
        <translation>Verschiedene, gleichverteilt aus dem Suchraum gezogene Architekturen</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>Stichprobe:</translation>
    </message>
    <message>
        <source>Seed of the sampling: the same seed samples the same architectures</source>
        <translation>Startwert der Stichprobe: derselbe Startwert zieht dieselben Architekturen</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>Re-score with the shared weights</source>
        <translation>Mit den geteilten Gewichten neu bewerten</translation>
    </message>
    <message>
        <source>Score the listed architectures again with the run&apos;s shared weights on more validation data, and order them by that score</source>
        <translation>Die aufgelisteten Architekturen mit den geteilten Gewichten des Laufs auf mehr Validierungsdaten erneut bewerten und nach dieser Bewertung ordnen</translation>
    </message>
    <message>
        <source> batches</source>
        <translation> Batches</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Sample the space, keep what meets the limits, rank it by the predictor</source>
        <translation>Stichprobe aus dem Suchraum ziehen, behalten, was die Grenzen einhält, und nach der Vorhersage ordnen</translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesModel</name>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Predicted accuracy %1; the ensemble&apos;s members spread by %2 points</source>
        <translation>Vorhergesagte Genauigkeit %1; die Mitglieder des Ensembles streuen um %2 Punkte</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 Parameter</translation>
    </message>
    <message>
        <source>The predictor&apos;s estimate of the accuracy, ± the spread of its members</source>
        <translation>Die Schätzung der Genauigkeit durch den Prädiktor, ± die Streuung seiner Mitglieder</translation>
    </message>
    <message>
        <source>Elements read and written in one forward pass</source>
        <translation>In einem Vorwärtsdurchlauf gelesene und geschriebene Elemente</translation>
    </message>
    <message>
        <source>Measured latency of one forward pass</source>
        <translation>Gemessene Latenz eines Vorwärtsdurchlaufs</translation>
    </message>
    <message>
        <source>Accuracy with the search&apos;s shared weights, scored again on more data</source>
        <translation>Genauigkeit mit den geteilten Gewichten der Suche, erneut auf mehr Daten bewertet</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Normal cell</source>
        <translation>Normale Zelle</translation>
    </message>
    <message>
        <source>Reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <source>Predicted accuracy</source>
        <translation>Vorhergesagte Genauigkeit</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Memory access</source>
        <translation>Speicherzugriffe</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Supernet score</source>
        <translation>Supernetz-Bewertung</translation>
    </message>
    <message>
        <source>node %1: %2</source>
        <translation>Knoten %1: %2</translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesPlot</name>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Memory access</source>
        <translation>Speicherzugriffe</translation>
    </message>
    <message>
        <source>predicted accuracy (%)</source>
        <translation>vorhergesagte Genauigkeit (%)</translation>
    </message>
    <message>
        <source>candidates (± spread)</source>
        <translation>Kandidaten (± Streuung)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <source>Predicted accuracy against cost: no candidates</source>
        <translation>Vorhergesagte Genauigkeit über den Kosten: keine Kandidaten</translation>
    </message>
    <message>
        <source>Predicted accuracy against cost: %1 of %2 on the Pareto front</source>
        <translation>Vorhergesagte Genauigkeit über den Kosten: %1 von %2 auf der Pareto-Front</translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesView</name>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the selected architecture (JSON, DARTS string, PyTorch module, cell picture)</source>
        <translation>Die ausgewählte Architektur exportieren (JSON, DARTS-Zeichenkette, PyTorch-Modul, Zellbild)</translation>
    </message>
    <message>
        <source>Select a candidate to draw its cells.</source>
        <translation>Einen Kandidaten auswählen, um seine Zellen zu zeichnen.</translation>
    </message>
    <message>
        <source>The latency of the %1 best predicted was measured.</source>
        <translation>Die Latenz der %1 am besten vorhergesagten wurde gemessen.</translation>
    </message>
    <message>
        <source>None of the %1 sampled architectures meets the limits. Loosen them, or sample a larger pool.</source>
        <translation>Keine der %1 gezogenen Architekturen hält die Grenzen ein. Lockern Sie sie oder ziehen Sie eine größere Stichprobe.</translation>
    </message>
    <message>
        <source>%1 of %2 sampled architectures meet the limits; the best %3 by predicted accuracy are listed.</source>
        <translation>%1 von %2 gezogenen Architekturen halten die Grenzen ein; die %3 mit der besten vorhergesagten Genauigkeit sind aufgelistet.</translation>
    </message>
    <message>
        <source>They are ranked by their supernet score on more validation data.</source>
        <translation>Sie sind nach ihrer Supernetz-Bewertung auf mehr Validierungsdaten geordnet.</translation>
    </message>
    <message>
        <source>No search: %1</source>
        <translation>Keine Suche: %1</translation>
    </message>
    <message>
        <source>Set the limits and press Find: the predictor ranks a uniform sample of the space and lists the best architectures within the limits.</source>
        <translation>Grenzen festlegen und „Suchen“ drücken: Der Prädiktor ordnet eine gleichverteilte Stichprobe des Suchraums und listet die besten Architekturen innerhalb der Grenzen.</translation>
    </message>
</context>
<context>
    <name>nas::widgets::CellDagView</name>
    <message>
        <source>No op probabilities recorded for this edge.</source>
        <translation>Für diese Kante sind keine Operationswahrscheinlichkeiten aufgezeichnet.</translation>
    </message>
    <message>
        <source>No derived architecture yet: it appears after the first epoch.</source>
        <translation>Noch keine abgeleitete Architektur: Sie erscheint nach der ersten Epoche.</translation>
    </message>
    <message>
        <source>Normal cell</source>
        <translation>Normale Zelle</translation>
    </message>
    <message>
        <source>Reduction cell</source>
        <translation>Reduktionszelle</translation>
    </message>
    <message>
        <source>Derived cells</source>
        <translation>Abgeleitete Zellen</translation>
    </message>
    <message>
        <source>Normal and reduction cell drawn by NAS Studio</source>
        <translation>Normale Zelle und Reduktionszelle, gezeichnet von NAS Studio</translation>
    </message>
</context>
<context>
    <name>nas::widgets::CollapseAlert</name>
    <message>
        <source>Hide this warning</source>
        <translation>Diese Warnung ausblenden</translation>
    </message>
    <message>
        <source>&lt;b&gt;The normal cell is collapsing:&lt;/b&gt; %1 of its %2 edges are parameter-free ops (skip connections, pooling, none). Such cells score well in the supernet but train poorly; consider a stronger constraint, early stopping or another strategy.</source>
        <translation>&lt;b&gt;Die normale Zelle kollabiert:&lt;/b&gt; %1 ihrer %2 Kanten sind parameterfreie Operationen (Skip-Verbindungen, Pooling, none). Solche Zellen schneiden im Supernetz gut ab, trainieren aber schlecht; erwägen Sie eine stärkere Beschränkung, frühes Beenden oder eine andere Strategie.</translation>
    </message>
</context>
<context>
    <name>nas::widgets::ControllerCompareDialog</name>
    <message>
        <source>#%1 Kendall τ</source>
        <translation>#%1 Kendall τ</translation>
    </message>
    <message>
        <source>#%1 Pearson r</source>
        <translation>#%1 Pearson r</translation>
    </message>
    <message>
        <source>#%1 Spearman ρ [95 %]</source>
        <translation>#%1 Spearman ρ [95 %]</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1 (%n Architektur)</numerusform>
            <numerusform>%1 (%n Architekturen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Common connections</source>
        <translation>Gemeinsame Verbindungen</translation>
    </message>
    <message>
        <source>Common ops</source>
        <translation>Gemeinsame Operationen</translation>
    </message>
    <message>
        <source>Compare controllers: %1 and %2</source>
        <translation>Controller vergleichen: %1 und %2</translation>
    </message>
    <message>
        <source>Graph edit distance</source>
        <translation>Graph-Editierdistanz</translation>
    </message>
    <message>
        <source>Hidden-state distance against each measure (Spearman ρ with its 95 % interval, Pearson r, Kendall τ):</source>
        <translation>Abstand der verborgenen Zustände gegen jedes Maß (Spearman ρ mit 95-%-Intervall, Pearson r, Kendall τ):</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maß</translation>
    </message>
    <message>
        <source>Reward difference</source>
        <translation>Belohnungsdifferenz</translation>
    </message>
    <message>
        <source>Reward distributions</source>
        <translation>Verteilungen der Belohnung</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>no hidden states</source>
        <translation>keine verborgenen Zustände</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>Belohnung</translation>
    </message>
    <message>
        <source>share of samples (%)</source>
        <translation>Anteil der Architekturen (%)</translation>
    </message>
</context>
<context>
    <name>nas::widgets::ControllerCurvesView</name>
    <message>
        <source>Entropy of the controller&apos;s decisions</source>
        <translation>Entropie der Entscheidungen des Controllers</translation>
    </message>
    <message>
        <source>Reward and baseline</source>
        <translation>Belohnung und Baseline</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>controller sample</source>
        <translation>Controller-Stichprobe</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>memory buffer reconstruction loss</source>
        <translation>Rekonstruktionsverlust des Gedächtnispuffers</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>Belohnung</translation>
    </message>
</context>
<context>
    <name>nas::widgets::EditSearchView</name>
    <message>
        <source>Update</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Belohnung</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>FLOPs/byte</source>
        <translation>FLOPs/Byte</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Compute intensity</source>
        <translation>Rechenintensität</translation>
    </message>
    <message>
        <source>Children: accuracy against cost</source>
        <translation>Kinder: Genauigkeit gegen Kosten</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>validation accuracy (%)</source>
        <translation>Validierungsgenauigkeit (%)</translation>
    </message>
    <message>
        <source>kept the limits</source>
        <translation>Grenzen eingehalten</translation>
    </message>
    <message>
        <source>broke a limit</source>
        <translation>Grenze verletzt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>Gegen:</translation>
    </message>
    <message>
        <source>The derived network appears after the first update.</source>
        <translation>Das abgeleitete Netz erscheint nach der ersten Aktualisierung.</translation>
    </message>
    <message>
        <source>Derived network after epoch %1: %2 — %3 parameters, %4 FLOPs, validation accuracy %5</source>
        <translation>Abgeleitetes Netz nach Epoche %1: %2 — %3 Parameter, %4 FLOPs, Validierungsgenauigkeit %5</translation>
    </message>
    <message>
        <source>FLOPs per byte</source>
        <translation>FLOPs pro Byte</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Limits broken</source>
        <translation>Verletzte Grenzen</translation>
    </message>
    <message>
        <source>Current network: child %1 of update %2, accepted</source>
        <translation>Aktuelles Netz: Kind %1 der Aktualisierung %2, übernommen</translation>
    </message>
    <message>
        <source>params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>intensity</source>
        <translation>Intensität</translation>
    </message>
    <message>
        <source>Derived network</source>
        <translation>Abgeleitetes Netz</translation>
    </message>
</context>
<context>
    <name>nas::widgets::EvaluationsTable</name>
    <message>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Channels × cells</source>
        <translation>Kanäle × Zellen</translation>
    </message>
    <message>
        <source>Genotype</source>
        <translation>Genotyp</translation>
    </message>
</context>
<context>
    <name>nas::widgets::ExportDialog</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Export architecture</source>
        <translation>Architektur exportieren</translation>
    </message>
    <message>
        <source>This genotype has no DARTS string form: %1</source>
        <translation>Dieser Genotyp hat keine DARTS-Zeichenkette: %1</translation>
    </message>
    <message>
        <source>No PyTorch module can be written for this genotype: %1</source>
        <translation>Für diesen Genotyp lässt sich kein PyTorch-Modul schreiben: %1</translation>
    </message>
    <message>
        <source>Genotype and costs (JSON)</source>
        <translation>Genotyp und Kosten (JSON)</translation>
    </message>
    <message>
        <source>DARTS genotype string</source>
        <translation>DARTS-Genotyp-Zeichenkette</translation>
    </message>
    <message>
        <source>PyTorch module (.py)</source>
        <translation>PyTorch-Modul (.py)</translation>
    </message>
    <message>
        <source>Cell picture (PNG)</source>
        <translation>Zellbild (PNG)</translation>
    </message>
    <message>
        <source>Cell picture (SVG)</source>
        <translation>Zellbild (SVG)</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>Trainierte Gewichte</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the text to the clipboard</source>
        <translation>Den Text in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>A standalone file that needs only PyTorch; running it prints the parameter count.</source>
        <translation>Eine eigenständige Datei, die nur PyTorch braucht; beim Ausführen gibt sie die Parameterzahl aus.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 lässt sich nicht schreiben.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Files (*%1);;All files (*)</source>
        <translation>Dateien (*%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>No trained weights yet: train this cell from scratch with Run ▸ Train found cell, or “%1” on a terminal; its weights then appear here.</source>
        <translation>Noch keine trainierten Gewichte: Trainieren Sie diese Zelle von Grund auf mit Lauf ▸ Gefundene Zelle trainieren oder im Terminal mit „%1“; ihre Gewichte erscheinen dann hier.</translation>
    </message>
    <message>
        <source>The run&apos;s trained weights belong to another of its genotypes (a different epoch); train this one with “%1 --epoch N”.</source>
        <translation>Die trainierten Gewichte des Laufs gehören zu einem anderen seiner Genotypen (einer anderen Epoche); trainieren Sie diesen mit „%1 --epoch N“.</translation>
    </message>
    <message>
        <source>A standalone file that needs only PyTorch, written at the trained size (C = %1, %2 layers): “python3 model.py weights.pt” loads the trained weights.</source>
        <translation>Eine eigenständige Datei, die nur PyTorch braucht, in der trainierten Größe geschrieben (C = %1, %2 Schichten): „python3 model.py weights.pt“ lädt die trainierten Gewichte.</translation>
    </message>
    <message>
        <source>Weights file: %1

Trained from scratch on %2 for %3 epochs at C = %4, %5 layers:
%6 parameters, test accuracy %7% on %8 images.

Load them in Python with the PyTorch module export:
    net = load_nas_studio_weights(NasStudioNetwork(), &quot;weights.pt&quot;)</source>
        <translation>Gewichtsdatei: %1

Von Grund auf trainiert auf %2, %3 Epochen, C = %4, %5 Schichten:
%6 Parameter, Testgenauigkeit %7 % auf %8 Bildern.

In Python mit dem exportierten PyTorch-Modul laden:
    net = load_nas_studio_weights(NasStudioNetwork(), &quot;weights.pt&quot;)</translation>
    </message>
</context>
<context>
    <name>nas::widgets::HiddenStateMapView</name>
    <message>
        <source>Click a point to draw its cells.</source>
        <translation>Einen Punkt anklicken, um seine Zellen zu zeichnen.</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Einfärben nach:</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Hidden states: no controller samples yet</source>
        <translation>Verborgene Zustände: noch keine Controller-Stichproben</translation>
    </message>
    <message>
        <source>PCA of the last %1 hidden states: components explain %2 % and %3 %</source>
        <translation>PCA der letzten %1 verborgenen Zustände: die Komponenten erklären %2 % und %3 %</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Belohnung</translation>
    </message>
    <message>
        <source>Sample at step %1 (epoch %2): reward %3, %4 skip connections, %5 parameters</source>
        <translation>Stichprobe bei Schritt %1 (Epoche %2): Belohnung %3, %4 Skip-Verbindungen, %5 Parameter</translation>
    </message>
    <message>
        <source>Skip connections</source>
        <translation>Skip-Verbindungen</translation>
    </message>
    <message>
        <source>first principal component</source>
        <translation>erste Hauptkomponente</translation>
    </message>
    <message>
        <source>second principal component</source>
        <translation>zweite Hauptkomponente</translation>
    </message>
</context>
<context>
    <name>nas::widgets::HiddenStateScatterView</name>
    <message>
        <source>%1: Spearman ρ %2 [%3, %4], Pearson r %5, Kendall τ %6 (%7 samples, %8 pairs)</source>
        <translation>%1: Spearman ρ %2 [%3, %4], Pearson r %5, Kendall τ %6 (%7 Stichproben, %8 Paare)</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>Gegen:</translation>
    </message>
    <message>
        <source>Common connections</source>
        <translation>Gemeinsame Verbindungen</translation>
    </message>
    <message>
        <source>Common ops</source>
        <translation>Gemeinsame Operationen</translation>
    </message>
    <message>
        <source>Graph edit distance</source>
        <translation>Graph-Editierdistanz</translation>
    </message>
    <message>
        <source>Hidden-state distance: no controller samples yet</source>
        <translation>Abstand der verborgenen Zustände: noch keine Controller-Stichproben</translation>
    </message>
    <message>
        <source>Reward difference</source>
        <translation>Belohnungsdifferenz</translation>
    </message>
    <message>
        <source>hidden-state distance (1 - cosine)</source>
        <translation>Abstand der verborgenen Zustände (1 - Kosinus)</translation>
    </message>
    <message>
        <source>hidden-state distance (L2)</source>
        <translation>Abstand der verborgenen Zustände (L2)</translation>
    </message>
</context>
<context>
    <name>nas::widgets::LaunchForm</name>
    <message>
        <source>%1 settings</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <source>optional; default: strategy and dataset</source>
        <translation>optional; Vorgabe: Strategie und Datensatz</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Name des Laufs:</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>CIFAR-10 (binary folder)</source>
        <translation>CIFAR-10 (Binärordner)</translation>
    </message>
    <message>
        <source>Synthetic (generated)</source>
        <translation>Synthetisch (erzeugt)</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>default location</source>
        <translation>Standardort</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the folder that holds the dataset files</source>
        <translation>Den Ordner mit den Dateien des Datensatzes wählen</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Use only the first N training images (0: all)</source>
        <translation>Nur die ersten N Trainingsbilder verwenden (0: alle)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>Trainingsbilder:</translation>
    </message>
    <message>
        <source>Images in the generated training set</source>
        <translation>Bilder im erzeugten Trainingssatz</translation>
    </message>
    <message>
        <source>Synthetic images:</source>
        <translation>Synthetische Bilder:</translation>
    </message>
    <message>
        <source>Height and width of the generated images (a multiple of 4)</source>
        <translation>Höhe und Breite der erzeugten Bilder (ein Vielfaches von 4)</translation>
    </message>
    <message>
        <source>Synthetic channels, side:</source>
        <translation>Synthetische Kanäle, Seite:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>DARTS ops (8)</source>
        <translation>DARTS-Operationen (8)</translation>
    </message>
    <message>
        <source>NASP ops</source>
        <translation>NASP-Operationen</translation>
    </message>
    <message>
        <source>Operations:</source>
        <translation>Operationen:</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>Nodes per cell:</source>
        <translation>Knoten pro Zelle:</translation>
    </message>
    <message>
        <source>Steps per epoch (0: one pass over the weight-training half; for SNAS, over its training part)</source>
        <translation>Schritte pro Epoche (0: ein Durchlauf über die Gewichts-Trainingshälfte; bei SNAS über seinen Trainingsteil)</translation>
    </message>
    <message>
        <source>full pass</source>
        <translation>voller Durchlauf</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Steps per epoch:</source>
        <translation>Schritte pro Epoche:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Automatic (GPU when present)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>The engine checks that a GPU is present when the search starts</source>
        <translation>Die Suchmaschine prüft beim Start der Suche, ob eine GPU vorhanden ist</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Resource constraints</source>
        <translation>Ressourcenbeschränkungen</translation>
    </message>
    <message>
        <source>Max parameters</source>
        <translation>Max. Parameter</translation>
    </message>
    <message>
        <source> M</source>
        <translation> Mio.</translation>
    </message>
    <message>
        <source>Max FLOPs</source>
        <translation>Max. FLOPs</translation>
    </message>
    <message>
        <source>Max memory access</source>
        <translation>Max. Speicherzugriffe</translation>
    </message>
    <message>
        <source>Max latency</source>
        <translation>Max. Latenz</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Learnable parameters of the derived network, in millions</source>
        <translation>Lernbare Parameter des abgeleiteten Netzes, in Millionen</translation>
    </message>
    <message>
        <source>Multiply-adds of one forward pass, in millions</source>
        <translation>Multiplikationen und Additionen eines Vorwärtsdurchlaufs, in Millionen</translation>
    </message>
    <message>
        <source>Elements read and written in one forward pass, in millions</source>
        <translation>In einem Vorwärtsdurchlauf gelesene und geschriebene Elemente, in Millionen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Mild</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Mäßig</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>Aggressiv</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Weight of the resource penalty in the SNAS loss</source>
        <translation>Gewicht der Ressourcenstrafe im SNAS-Verlust</translation>
    </message>
    <message>
        <source>SNAS constraint strength:</source>
        <translation>SNAS-Beschränkungsstärke:</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Vorgabe: %1</translation>
    </message>
    <message>
        <source>Dataset folder</source>
        <translation>Ordner des Datensatzes</translation>
    </message>
    <message>
        <source>Custom (from the loaded file)</source>
        <translation>Benutzerdefiniert (aus der geladenen Datei)</translation>
    </message>
    <message>
        <source>Channels of the first cell (even, up to %1)</source>
        <translation>Kanäle der ersten Zelle (gerade, höchstens %1)</translation>
    </message>
    <message>
        <source>Cells in the supernet (%1 to %2)</source>
        <translation>Zellen im Supernetz (%1 bis %2)</translation>
    </message>
    <message>
        <source>Intermediate nodes per cell (1 to 8)</source>
        <translation>Zwischenknoten pro Zelle (1 bis 8)</translation>
    </message>
    <message>
        <source>Epochs (1 to %1)</source>
        <translation>Epochen (1 bis %1)</translation>
    </message>
    <message>
        <source>Images per step (2 to %1)</source>
        <translation>Bilder pro Schritt (2 bis %1)</translation>
    </message>
    <message>
        <source>LibTorch threads for this search (0: one per core, up to %1). Fewer leave cores to other programs and to a second search.</source>
        <translation>LibTorch-Threads für diese Suche (0: einer pro Kern, höchstens %1). Weniger lassen Kerne für andere Programme und eine zweite Suche frei.</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>λ (penalty weight):</source>
        <translation>λ (Gewicht der Strafe):</translation>
    </message>
    <message>
        <source>%1 must be at most %2, not %3</source>
        <translation>%1 darf höchstens %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>Min compute intensity</source>
        <translation>Min. Rechenintensität</translation>
    </message>
    <message>
        <source> FLOPs/B</source>
        <translation> FLOPs/B</translation>
    </message>
    <message>
        <source>FLOPs per byte of memory traffic, at least (editing strategies: RENA)</source>
        <translation>FLOPs je Byte Speicherverkehr, mindestens (ändernde Strategien: RENA)</translation>
    </message>
</context>
<context>
    <name>nas::widgets::LaunchPanel</name>
    <message>
        <source>batch × Σ cells (edges × ops × C × H × W) × 4 bytes × 3 (forward activations, their gradients and op intermediates)</source>
        <translation>Batch × Σ Zellen (Kanten × Operationen × C × H × W) × 4 Byte × 3 (Vorwärtsaktivierungen, ihre Gradienten und Zwischenergebnisse der Operationen)</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Load a search configuration from a JSON file</source>
        <translation>Eine Suchkonfiguration aus einer JSON-Datei laden</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save this configuration as a JSON file</source>
        <translation>Diese Konfiguration als JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Start search</source>
        <translation>Suche starten</translation>
    </message>
    <message>
        <source>Apply constraints</source>
        <translation>Beschränkungen anwenden</translation>
    </message>
    <message>
        <source>Send the constraints to the running search; it applies them between steps</source>
        <translation>Die Beschränkungen an die laufende Suche senden; sie wendet sie zwischen zwei Schritten an</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Load configuration</source>
        <translation>Konfiguration laden</translation>
    </message>
    <message>
        <source>Search configurations (*.json);;All files (*)</source>
        <translation>Suchkonfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>Search configurations (*.json)</source>
        <translation>Suchkonfigurationen (*.json)</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
    <message>
        <source>Estimated memory: %1. The GPU&apos;s memory is checked when the search starts.</source>
        <translation>Geschätzter Speicherbedarf: %1. Der GPU-Speicher wird beim Start der Suche geprüft.</translation>
    </message>
    <message>
        <source>Estimated memory: %1 (free memory unknown).</source>
        <translation>Geschätzter Speicherbedarf: %1 (freier Speicher unbekannt).</translation>
    </message>
    <message>
        <source>Estimated memory: %1 of %2 available.</source>
        <translation>Geschätzter Speicherbedarf: %1 von %2 verfügbar.</translation>
    </message>
    <message>
        <source>This search needs about %1 but only %2 of memory is available (the studio uses at most %3 % of it). Reduce the batch size, channels, layers or nodes.</source>
        <translation>Diese Suche braucht etwa %1, aber nur %2 Speicher sind verfügbar (das Studio nutzt höchstens %3 % davon). Verringern Sie Batchgröße, Kanäle, Schichten oder Knoten.</translation>
    </message>
    <message>
        <source>New constraints sent to the running search.</source>
        <translation>Neue Beschränkungen an die laufende Suche gesendet.</translation>
    </message>
    <message>
        <source>Cannot start the search:</source>
        <translation>Die Suche kann nicht starten:</translation>
    </message>
    <message>
        <source>dataset.path: the folder %1 does not exist</source>
        <translation>dataset.path: Der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>dataset.path: the folder %1 lacks %2</source>
        <translation>dataset.path: Im Ordner %1 fehlt %2</translation>
    </message>
    <message>
        <source>Cannot apply the constraints:</source>
        <translation>Die Beschränkungen lassen sich nicht anwenden:</translation>
    </message>
</context>
<context>
    <name>nas::widgets::LimitsEditor</name>
    <message>
        <source>Max parameters</source>
        <translation>Max. Parameter</translation>
    </message>
    <message>
        <source>Learnable parameters of the network, in millions</source>
        <translation>Lernbare Parameter des Netzes, in Millionen</translation>
    </message>
    <message>
        <source> M</source>
        <translation> Mio.</translation>
    </message>
    <message>
        <source>Max FLOPs</source>
        <translation>Max. FLOPs</translation>
    </message>
    <message>
        <source>Multiply-adds of one forward pass, in millions</source>
        <translation>Multiplikationen und Additionen eines Vorwärtsdurchlaufs, in Millionen</translation>
    </message>
    <message>
        <source>Max memory access</source>
        <translation>Max. Speicherzugriffe</translation>
    </message>
    <message>
        <source>Elements read and written in one forward pass, in millions</source>
        <translation>In einem Vorwärtsdurchlauf gelesene und geschriebene Elemente, in Millionen</translation>
    </message>
    <message>
        <source>Max latency</source>
        <translation>Max. Latenz</translation>
    </message>
    <message>
        <source>Forward time at batch 1 on the CPU, once measured</source>
        <translation>Vorwärtszeit bei Batchgröße 1 auf der CPU, sobald gemessen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>nas::widgets::PredictorFitBox</name>
    <message>
        <source>Fit a predictor</source>
        <translation>Prädiktor anpassen</translation>
    </message>
    <message>
        <source>GCN (graph convolutions)</source>
        <translation>GCN (Graphfaltungen)</translation>
    </message>
    <message>
        <source>MLP (flat encoding)</source>
        <translation>MLP (flache Kodierung)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Uniform samples of the space, each scored with the run&apos;s shared weights; the run&apos;s recorded samples are added</source>
        <translation>Gleichverteilte Stichproben des Raums, jede mit den geteilten Gewichten des Laufs bewertet; die aufgezeichneten Stichproben des Laufs kommen hinzu</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Stichproben:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>batch statistics</source>
        <translation>Batch-Statistik</translation>
    </message>
    <message>
        <source>running statistics</source>
        <translation>laufende Statistik</translation>
    </message>
    <message>
        <source>recalibrated</source>
        <translation>neu kalibriert</translation>
    </message>
    <message>
        <source>How batch norm runs while the shared weights score a sample</source>
        <translation>Wie Batch-Norm arbeitet, während die geteilten Gewichte eine Stichprobe bewerten</translation>
    </message>
    <message>
        <source>Batch norm:</source>
        <translation>Batch-Norm:</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Held-out Spearman</source>
        <translation>Spearman auf zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Spearman&apos;s ρ</source>
        <translation>Spearmans ρ</translation>
    </message>
    <message>
        <source>Scoring architectures with the run&apos;s shared weights…</source>
        <translation>Architekturen werden mit den geteilten Gewichten des Laufs bewertet…</translation>
    </message>
    <message>
        <source>Scored %1 of %2 architectures with the shared weights</source>
        <translation>%1 von %2 Architekturen mit den geteilten Gewichten bewertet</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>Mitglied %1</translation>
    </message>
    <message>
        <source>Fitting member %1 of %2: epoch %3 of %4, loss %5</source>
        <translation>Anpassung von Mitglied %1 von %2: Epoche %3 von %4, Verlust %5</translation>
    </message>
    <message>
        <source>, held-out Spearman %1</source>
        <translation>, Spearman auf zurückgehaltenen Daten %1</translation>
    </message>
    <message>
        <source>Fitted and saved with the run.</source>
        <translation>Angepasst und beim Lauf gespeichert.</translation>
    </message>
    <message>
        <source>Cancelled; the saved predictor is unchanged.</source>
        <translation>Abgebrochen; der gespeicherte Prädiktor ist unverändert.</translation>
    </message>
    <message>
        <source>The fit failed: %1</source>
        <translation>Die Anpassung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>nas::widgets::PredictorPanel</name>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Ausgangszelle:</translation>
    </message>
    <message>
        <source>Predict with:</source>
        <translation>Vorhersage mit:</translation>
    </message>
    <message>
        <source>Click an edge to change its op or its input</source>
        <translation>Eine Kante anklicken, um ihre Operation oder ihre Eingabe zu ändern</translation>
    </message>
    <message>
        <source>Predicted accuracy</source>
        <translation>Vorhergesagte Genauigkeit</translation>
    </message>
    <message>
        <source>Mean of the ensemble&apos;s predictions, shaded: ± their spread</source>
        <translation>Mittel der Vorhersagen des Ensembles, schattiert: ± ihre Streuung</translation>
    </message>
    <message>
        <source>Costs of the network</source>
        <translation>Kosten des Netzes</translation>
    </message>
    <message>
        <source>Measure latency</source>
        <translation>Latenz messen</translation>
    </message>
    <message>
        <source>Time a forward pass of the network at batch 1 on the CPU</source>
        <translation>Einen Vorwärtsdurchlauf des Netzes bei Batchgröße 1 auf der CPU messen</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>FLOPs:</source>
        <translation>FLOPs:</translation>
    </message>
    <message>
        <source>Memory access:</source>
        <translation>Speicherzugriffe:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Beschränkungen</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source> (no checkpoint)</source>
        <translation> (kein Checkpoint)</translation>
    </message>
    <message>
        <source> (fitted: %1)</source>
        <translation> (angepasst: %1)</translation>
    </message>
    <message>
        <source>Derived cell of the run</source>
        <translation>Abgeleitete Zelle des Laufs</translation>
    </message>
    <message>
        <source>Uniform sample (a new one each time)</source>
        <translation>Gleichverteilte Stichprobe (jedes Mal eine neue)</translation>
    </message>
    <message>
        <source>none fitted</source>
        <translation>keiner angepasst</translation>
    </message>
    <message>
        <source>Edit refused: choose a run and a cell first.</source>
        <translation>Änderung abgelehnt: Zuerst einen Lauf und eine Zelle wählen.</translation>
    </message>
    <message>
        <source>Edit refused: %1</source>
        <translation>Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Op of %1 → %2</source>
        <translation>Operation von %1 → %2</translation>
    </message>
    <message>
        <source>Input of node %1</source>
        <translation>Eingabe von Knoten %1</translation>
    </message>
    <message>
        <source>not measured: %1</source>
        <translation>nicht gemessen: %1</translation>
    </message>
    <message>
        <source>Choose a run with a checkpoint.</source>
        <translation>Einen Lauf mit Checkpoint wählen.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>GCN fitted</source>
        <translation>GCN angepasst</translation>
    </message>
    <message>
        <source>no GCN</source>
        <translation>kein GCN</translation>
    </message>
    <message>
        <source>MLP fitted</source>
        <translation>MLP angepasst</translation>
    </message>
    <message>
        <source>no MLP</source>
        <translation>kein MLP</translation>
    </message>
    <message>
        <source>No fitted predictor: fit one below</source>
        <translation>Kein angepasster Prädiktor: unten einen anpassen</translation>
    </message>
    <message>
        <source>No prediction</source>
        <translation>Keine Vorhersage</translation>
    </message>
    <message>
        <source>The predictor cannot take this cell: %1</source>
        <translation>Der Prädiktor kann diese Zelle nicht annehmen: %1</translation>
    </message>
    <message>
        <source>%1 fitted on %2 architectures; held-out Spearman %3</source>
        <translation>%1, angepasst an %2 Architekturen; Spearman auf zurückgehaltenen Daten %3</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>memory access</source>
        <translation>Speicherzugriffe</translation>
    </message>
    <message>
        <source>%1 %2 &gt; %3</source>
        <translation>%1 %2 &gt; %3</translation>
    </message>
    <message>
        <source>latency %1 ms &gt; %2 ms</source>
        <translation>Latenz %1 ms &gt; %2 ms</translation>
    </message>
    <message>
        <source>✔ Meets the constraints</source>
        <translation>✔ Hält die Beschränkungen ein</translation>
    </message>
    <message>
        <source> (latency not measured yet)</source>
        <translation> (Latenz noch nicht gemessen)</translation>
    </message>
    <message>
        <source>✘ Breaks the constraints: %1</source>
        <translation>✘ Verletzt die Beschränkungen: %1</translation>
    </message>
    <message>
        <source>%1 ± %2 %</source>
        <translation>%1 ± %2 %</translation>
    </message>
</context>
<context>
    <name>nas::widgets::RunBrowser</name>
    <message>
        <source>ID</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <translation>Beste Genauigkeit</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Replay the selected run in every view</source>
        <translation>Den ausgewählten Lauf in allen Ansichten wiedergeben</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Show the curves of two selected runs side by side</source>
        <translation>Die Kurven zweier ausgewählter Läufe nebeneinander zeigen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue an interrupted or stopped run from its last checkpoint</source>
        <translation>Einen unterbrochenen oder beendeten Lauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected run and its files</source>
        <translation>Den ausgewählten Lauf und seine Dateien löschen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the run list again</source>
        <translation>Die Laufliste neu einlesen</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Delete run %1 (%2) with all its metrics and checkpoints? This cannot be undone.</source>
        <translation>Lauf %1 (%2) mit allen Messwerten und Checkpoints löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>nas::widgets::RunCompareDialog</name>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>#%1 %2 (%3, %4)</source>
        <translation>Nr. %1 %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Compare runs %1 and %2</source>
        <translation>Läufe %1 und %2 vergleichen</translation>
    </message>
    <message>
        <source>%1, best validation accuracy %2</source>
        <translation>%1, beste Validierungsgenauigkeit %2</translation>
    </message>
    <message>
        <source>(no edges)</source>
        <translation>(keine Kanten)</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Validation accuracy (%)</source>
        <translation>Validierungsgenauigkeit (%)</translation>
    </message>
    <message>
        <source>Parameters of the derived network</source>
        <translation>Parameter des abgeleiteten Netzes</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 parameters, %2 FLOPs</source>
        <translation>%1 Parameter, %2 FLOPs</translation>
    </message>
    <message>
        <source>no derived network yet</source>
        <translation>noch kein abgeleitetes Netz</translation>
    </message>
    <message>
        <source>Derived networks (highlighted: nodes that differ). #%1: %2. #%3: %4.</source>
        <translation>Abgeleitete Netze (hervorgehoben: Knoten, die sich unterscheiden). #%1: %2. #%3: %4.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>reduction</source>
        <translation>Reduktion</translation>
    </message>
    <message>
        <source>%1, node %2</source>
        <translation>%1, Knoten %2</translation>
    </message>
    <message>
        <source>%1, output</source>
        <translation>%1, Ausgang</translation>
    </message>
</context>
<context>
    <name>nas::widgets::RunStatus</name>
    <message>
        <source>pausing…</source>
        <translation>wird angehalten…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>Synthetisch</translation>
    </message>
</context>
<context>
    <name>nas::widgets::TrainingCurvesView</name>
    <message>
        <source>Strategy signals</source>
        <translation>Signale der Strategie</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <source>train (batch)</source>
        <translation>Training (Batch)</translation>
    </message>
    <message>
        <source>train (epoch)</source>
        <translation>Training (Epoche)</translation>
    </message>
    <message>
        <source>validation (epoch)</source>
        <translation>Validierung (Epoche)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Temperature (SNAS)</source>
        <translation>Temperatur (SNAS)</translation>
    </message>
    <message>
        <source>τ</source>
        <translation>τ</translation>
    </message>
    <message>
        <source>Gumbel-softmax temperature</source>
        <translation>Gumbel-Softmax-Temperatur</translation>
    </message>
    <message>
        <source>This strategy has no temperature</source>
        <translation>Diese Strategie hat keine Temperatur</translation>
    </message>
    <message>
        <source>Cost of the derived network</source>
        <translation>Kosten des abgeleiteten Netzes</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>limit (feasible below)</source>
        <translation>Grenze (zulässig darunter)</translation>
    </message>
    <message>
        <source>derived network</source>
        <translation>abgeleitetes Netz</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs (multiply-adds)</source>
        <translation>FLOPs (Multiplikationen und Additionen)</translation>
    </message>
    <message>
        <source>Memory access (elements)</source>
        <translation>Speicherzugriffe (Elemente)</translation>
    </message>
    <message>
        <source>Cost figure:</source>
        <translation>Kostengröße:</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <source>unconstrained</source>
        <translation>unbeschränkt</translation>
    </message>
    <message>
        <source>%1 of %2: feasible</source>
        <translation>%1 von %2: zulässig</translation>
    </message>
    <message>
        <source>%1 of %2: over the limit</source>
        <translation>%1 von %2: über der Grenze</translation>
    </message>
    <message>
        <source>The temperature appears with the first step</source>
        <translation>Die Temperatur erscheint mit dem ersten Schritt</translation>
    </message>
</context>
</TS>
