/** The parts of wink-naive-bayes-text-classifier (plain JavaScript) the guard's intent model uses. */
declare module 'wink-naive-bayes-text-classifier' {
  export interface NaiveBayesTextClassifier {
    definePrepTasks(tasks: Array<(input: string) => string[]>): number;
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(input: string, label: string): boolean;
    consolidate(): boolean;
    /** Log-odds (base 2) of each label, best first. */
    computeOdds(input: string): Array<[string, number]>;
    predict(input: string): string;
    /** config, samples per label, feature counts per label, features per label, vocabulary: as JSON. */
    exportJSON(): string;
  }
  function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
  export default naiveBayesTextClassifier;
}
