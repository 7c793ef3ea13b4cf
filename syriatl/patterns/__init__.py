"""Language data: vocabulary, expression rules, tense cues and page-chrome markers."""
