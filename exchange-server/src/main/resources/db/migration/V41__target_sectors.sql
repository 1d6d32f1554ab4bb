-- The target sectors the seeds name (technology, software, defence) are member sectors too (taxonomy Sector).
ALTER TABLE member DROP CONSTRAINT member_sector_check;
ALTER TABLE member ADD CONSTRAINT member_sector_check CHECK (sector IN ('government', 'freelance-platform',
    'payment-provider', 'cryptocurrency-business', 'ai-company', 'technology', 'software', 'defence', 'other'));
