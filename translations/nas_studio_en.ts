<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Cannot open the workspace %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAS Studio: neural architecture search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder (run database and files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: en, de or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: save screenshots here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a short synthetic search, save screenshots, exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos; (known: en, de, zh_CN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo needs --screenshots DIR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::BestCandidatesController</name>
    <message>
        <source>Choose a run with a fitted predictor first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::BestCandidatesJob</name>
    <message>
        <source>the run has no checkpoint, so there are no shared weights to re-score with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling %1 architectures and predicting their accuracy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the latency of the best predicted: %1 so far…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-scoring the best %1 with the shared weights on %2 validation batches…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::MainWindow</name>
    <message>
        <source>NAS Studio — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a search configuration from JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the launch panel&apos;s configuration as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export architecture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the derived architecture as JSON, DARTS string or PyTorch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cell &amp;picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the cell drawing as PNG or SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close NAS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the configuration and start a search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the search after the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the paused search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the search; it can be resumed later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a checkpoint after the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume selected &amp;run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the interrupted run selected in the run list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the run list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NAS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NAS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;NAS Studio %1&lt;/h3&gt;&lt;p&gt;A desktop studio for neural architecture search: launch, steer and inspect SNAS, NASP, DARTS and random searches live, reopen past runs and export the architectures they found.&lt;/p&gt;&lt;p&gt;Built with Qt %2, QCustomPlot and LibTorch.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the search before closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A search is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming run %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 stopped; it can be resumed from the run list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine reported a failure without a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the run list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing run %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no derived architecture yet: it appears after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cell picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no derived cell to draw yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest pause of the user interface during the search: %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train found cell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the shown run&apos;s derived network from scratch and keep its weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train found cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a run with at least one finished epoch first: its derived cell is what gets trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: the found cell was trained; its weights can be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the new constraints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;dictor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a cell and see the fitted predictor&apos;s accuracy, costs and constraints at once; fit a predictor to a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the derived network to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run derived a layer network, not a cell: every network it reports was already trained from scratch, and its accuracy is that training&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export network picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::PredictorDock</name>
    <message>
        <source>Edit a cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best under constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of epoch %1, step %2 (score %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted and saved with the run; held-out Spearman %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted and saved with the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a measurement is running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch threads of new searches (the launch panel&apos;s Threads field). Fewer leave cores to other programs and to a second search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and workspace take effect when NAS Studio is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads for new searches:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::ProgressStatus</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA --:--</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1 of %2, step %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the supernet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: first step (includes warm-up)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First step (includes warm-up)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: pausing… (after the current step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA: estimating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::RunViews</name>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden-state distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden-state map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 resumed at epoch %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n architecture(s) sampled.</source>
        <translation>
            <numerusform>%n architecture sampled.</numerusform>
            <numerusform>%n architectures sampled.</numerusform>
        </translation>
    </message>
    <message>
        <source>Epoch %1: train loss %2, validation accuracy %3, %4 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying run %1 (%2): %3 epochs, %4 steps, %5 snapshots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints changed; the engine applies them before its next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::studio::TrainDialog</name>
    <message>
        <source>Train found cell (run %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains the run&apos;s derived network from scratch (DARTS evaluation recipe: cosine SGD, auxiliary head, drop path) on the run&apos;s dataset, reports test accuracy, and keeps the weights in the run folder; Export then offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells (layers):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2, loss %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1: train loss %2, train accuracy %3%, test accuracy %4% (%5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel count must be even (the reduction cells halve it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy %1% with %2 parameters. The weights are kept in %3; File ▸ Export architecture offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; no weights were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::AlphaDistributionView</name>
    <message>
        <source>Normal cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduction cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge whose op probabilities are plotted over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through the stored snapshots of the architecture distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshots yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reduction cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge %1 of the %2 over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1, epoch %2 (%3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale colours to data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread the colours over each cell&apos;s lowest to highest probability instead of 0 to 1, so early, small differences between ops show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::AlphaEdgeHistory</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::AlphaHeatMap</name>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probability (scaled to this cell)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::ArchitectureStrip</name>
    <message>
        <source>No network derived yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer network drawn by NAS Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesForm</name>
    <message>
        <source>Measured forward time at batch 1 on the CPU; only the best predicted are measured, in order, until enough meet the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the best predicted architectures to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the best:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct architectures sampled uniformly from the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the sampling: the same seed samples the same architectures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-score with the shared weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the listed architectures again with the run&apos;s shared weights on more validation data, and order them by that score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample the space, keep what meets the limits, rank it by the predictor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesModel</name>
    <message>
        <source>%1 ± %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted accuracy %1; the ensemble&apos;s members spread by %2 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictor&apos;s estimate of the accuracy, ± the spread of its members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements read and written in one forward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured latency of one forward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy with the search&apos;s shared weights, scored again on more data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduction cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supernet score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesPlot</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidates (± spread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted accuracy against cost: no candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted accuracy against cost: %1 of %2 on the Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::BestCandidatesView</name>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected architecture (JSON, DARTS string, PyTorch module, cell picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a candidate to draw its cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latency of the %1 best predicted was measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the %1 sampled architectures meets the limits. Loosen them, or sample a larger pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sampled architectures meet the limits; the best %3 by predicted accuracy are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are ranked by their supernet score on more validation data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the limits and press Find: the predictor ranks a uniform sample of the space and lists the best architectures within the limits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::CellDagView</name>
    <message>
        <source>No op probabilities recorded for this edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No derived architecture yet: it appears after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduction cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal and reduction cell drawn by NAS Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::CollapseAlert</name>
    <message>
        <source>Hide this warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The normal cell is collapsing:&lt;/b&gt; %1 of its %2 edges are parameter-free ops (skip connections, pooling, none). Such cells score well in the supernet but train poorly; consider a stronger constraint, early stopping or another strategy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::ControllerCompareDialog</name>
    <message>
        <source>#%1 Kendall τ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 Pearson r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 Spearman ρ [95 %]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1 (%n sample)</numerusform>
            <numerusform>%1 (%n samples)</numerusform>
        </translation>
    </message>
    <message>
        <source>Common connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare controllers: %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph edit distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden-state distance against each measure (Spearman ρ with its 95 % interval, Pearson r, Kendall τ):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward distributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hidden states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of samples (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::ControllerCurvesView</name>
    <message>
        <source>Entropy of the controller&apos;s decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward and baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controller sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory buffer reconstruction loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::EditSearchView</name>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs/byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute intensity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children: accuracy against cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broke a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The derived network appears after the first update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived network after epoch %1: %2 — %3 parameters, %4 FLOPs, validation accuracy %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs per byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current network: child %1 of update %2, accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intensity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::EvaluationsTable</name>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels × cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genotype</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::ExportDialog</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This genotype has no DARTS string form: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PyTorch module can be written for this genotype: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genotype and costs (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DARTS genotype string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch module (.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell picture (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell picture (SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the text to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A standalone file that needs only PyTorch; running it prints the parameter count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trained weights yet: train this cell from scratch with Run ▸ Train found cell, or “%1” on a terminal; its weights then appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s trained weights belong to another of its genotypes (a different epoch); train this one with “%1 --epoch N”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A standalone file that needs only PyTorch, written at the trained size (C = %1, %2 layers): “python3 model.py weights.pt” loads the trained weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights file: %1

Trained from scratch on %2 for %3 epochs at C = %4, %5 layers:
%6 parameters, test accuracy %7% on %8 images.

Load them in Python with the PyTorch module export:
    net = load_nas_studio_weights(NasStudioNetwork(), &quot;weights.pt&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::HiddenStateMapView</name>
    <message>
        <source>Click a point to draw its cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden states: no controller samples yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA of the last %1 hidden states: components explain %2 % and %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample at step %1 (epoch %2): reward %3, %4 skip connections, %5 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first principal component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second principal component</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::HiddenStateScatterView</name>
    <message>
        <source>%1: Spearman ρ %2 [%3, %4], Pearson r %5, Kendall τ %6 (%7 samples, %8 pairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph edit distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden-state distance: no controller samples yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden-state distance (1 - cosine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden-state distance (L2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::LaunchForm</name>
    <message>
        <source>%1 settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; default: strategy and dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIFAR-10 (binary folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic (generated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder that holds the dataset files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only the first N training images (0: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images in the generated training set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height and width of the generated images (a multiple of 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic channels, side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DARTS ops (8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NASP ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes per cell:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps per epoch (0: one pass over the weight-training half; for SNAS, over its training part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps per epoch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU when present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine checks that a GPU is present when the search starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max memory access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learnable parameters of the derived network, in millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply-adds of one forward pass, in millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements read and written in one forward pass, in millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the resource penalty in the SNAS loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNAS constraint strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (from the loaded file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels of the first cell (even, up to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells in the supernet (%1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate nodes per cell (1 to 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs (1 to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per step (2 to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch threads for this search (0: one per core, up to %1). Fewer leave cores to other programs and to a second search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ (penalty weight):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at most %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min compute intensity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> FLOPs/B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs per byte of memory traffic, at least (editing strategies: RENA)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::LaunchPanel</name>
    <message>
        <source>batch × Σ cells (edges × ops × C × H × W) × 4 bytes × 3 (forward activations, their gradients and op intermediates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a search configuration from a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this configuration as a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the constraints to the running search; it applies them between steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search configurations (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search configurations (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated memory: %1. The GPU&apos;s memory is checked when the search starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated memory: %1 (free memory unknown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated memory: %1 of %2 available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This search needs about %1 but only %2 of memory is available (the studio uses at most %3 % of it). Reduce the batch size, channels, layers or nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New constraints sent to the running search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset.path: the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset.path: the folder %1 lacks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot apply the constraints:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::LimitsEditor</name>
    <message>
        <source>Max parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learnable parameters of the network, in millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply-adds of one forward pass, in millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max memory access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements read and written in one forward pass, in millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward time at batch 1 on the CPU, once measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::PredictorFitBox</name>
    <message>
        <source>Fit a predictor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GCN (graph convolutions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP (flat encoding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform samples of the space, each scored with the run&apos;s shared weights; the run&apos;s recorded samples are added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recalibrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How batch norm runs while the shared weights score a sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch norm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out Spearman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spearman&apos;s ρ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring architectures with the run&apos;s shared weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored %1 of %2 architectures with the shared weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitting member %1 of %2: epoch %3 of %4, loss %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, held-out Spearman %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted and saved with the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the saved predictor is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fit failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::PredictorPanel</name>
    <message>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an edge to change its op or its input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the ensemble&apos;s predictions, shaded: ± their spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs of the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time a forward pass of the network at batch 1 on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory access:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (fitted: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived cell of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform sample (a new one each time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit refused: choose a run and a cell first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op of %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input of node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run with a checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GCN fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no GCN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no MLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fitted predictor: fit one below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictor cannot take this cell: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fitted on %2 architectures; held-out Spearman %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 &gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency %1 ms &gt; %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Meets the constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (latency not measured yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Breaks the constraints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ± %2 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::RunBrowser</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the selected run in every view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the curves of two selected runs side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue an interrupted or stopped run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected run and its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the run list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run %1 (%2) with all its metrics and checkpoints? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::RunCompareDialog</name>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, best validation accuracy %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no edges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters of the derived network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 parameters, %2 FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no derived network yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived networks (highlighted: nodes that differ). #%1: %2. #%3: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, node %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::RunStatus</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pausing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nas::widgets::TrainingCurvesView</name>
    <message>
        <source>Strategy signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train (batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train (epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation (epoch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature (SNAS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>τ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gumbel-softmax temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This strategy has no temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of the derived network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit (feasible below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derived network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs (multiply-adds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory access (elements)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost figure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unconstrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: feasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: over the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temperature appears with the first step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
