"""xling.glossary"""
